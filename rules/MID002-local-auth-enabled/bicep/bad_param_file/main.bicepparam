using './main.bicep'

param disableLocalAuth = false
