// The caller does not pass vmAdminPassword, so the module's default is deployed.
param location string = resourceGroup().location

module cache './cache.bicep' = {
  name: 'cache-deployment'
  params: {
    location: location
  }
}
