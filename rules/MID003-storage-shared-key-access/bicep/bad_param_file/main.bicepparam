using './main.bicep'

param allowSharedKeyAccess = true
