// Container app pulling its image with `identity: 'system'`, single revision mode: medium
param environmentId string = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-env/providers/Microsoft.App/managedEnvironments/cae-shop'

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'ca-api'
  location: resourceGroup().location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    environmentId: environmentId
    configuration: {
      registries: [
        {
          server: 'acrshop.azurecr.io'
          identity: 'system'
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'api'
          image: 'acrshop.azurecr.io/api:1.0.0'
        }
      ]
    }
  }
}
