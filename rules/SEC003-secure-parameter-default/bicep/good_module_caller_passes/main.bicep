// The module's secure default is overridden by its only caller.
param location string = resourceGroup().location

@secure()
param vmAdminPassword string

module cache './cache.bicep' = {
  name: 'cache-deployment'
  params: {
    location: location
    vmAdminPassword: vmAdminPassword
  }
}
