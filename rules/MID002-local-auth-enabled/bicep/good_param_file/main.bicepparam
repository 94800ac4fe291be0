using './main.bicep'

// the template default is false; every deployment uses this file
param disableLocalAuth = true
