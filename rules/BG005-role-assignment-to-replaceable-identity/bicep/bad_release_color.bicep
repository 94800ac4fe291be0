// Site named from parameter `color` (blue/green): Storage Blob Data Reader for its system-assigned identity;
// the guid() name uses the site ID, not its principal
@allowed([
  'blue'
  'green'
])
param color string = 'green'
param planId string = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-plan/providers/Microsoft.Web/serverfarms/plan-shop'
param location string = resourceGroup().location

resource stg 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'stshop'
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    allowSharedKeyAccess: false
  }
}

resource app 'Microsoft.Web/sites@2022-09-01' = {
  name: 'app-shop-${color}'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: planId
    httpsOnly: true
  }
}

resource blobReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(stg.id, app.id, '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1')
  scope: stg
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1')
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
  }
}
