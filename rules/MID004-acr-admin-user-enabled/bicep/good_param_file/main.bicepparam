using './main.bicep'

// the template default is true; every deployment uses this file
param adminUserEnabled = false
