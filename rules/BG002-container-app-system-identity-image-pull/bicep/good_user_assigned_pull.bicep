// A user-assigned identity, granted AcrPull before the app exists, pulls the image
param environmentId string = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-env/providers/Microsoft.App/managedEnvironments/cae-shop'

resource pullIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-ca-api-pull'
  location: resourceGroup().location
}

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'ca-api'
  location: resourceGroup().location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${pullIdentity.id}': {}
    }
  }
  properties: {
    environmentId: environmentId
    configuration: {
      registries: [
        {
          server: 'acrshop.azurecr.io'
          identity: pullIdentity.id
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
