// Data-plane roles on the storage account for the web app's identity
param location string = resourceGroup().location
param planId string = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-plan/providers/Microsoft.Web/serverfarms/plan-shop'

resource app 'Microsoft.Web/sites@2022-09-01' = {
  name: 'app-shop'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: planId
  }
}

resource stg 'Microsoft.Storage/storageAccounts@2023-01-01' existing = {
  name: 'stshop'
}

resource blobReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(stg.id, app.id, 'blob-data-reader')
  scope: stg
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1')
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
  }
}
