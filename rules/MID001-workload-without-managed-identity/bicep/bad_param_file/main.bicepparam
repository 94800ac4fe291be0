using './main.bicep'

// overrides the template's SystemAssigned
param identityType = 'None'
