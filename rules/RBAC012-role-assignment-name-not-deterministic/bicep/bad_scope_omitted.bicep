// The assignment is scoped to the storage account, but guid() takes resourceGroup().id: the scope is left out
param location string = resourceGroup().location

resource worker 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-worker'
  location: location
}

resource stg 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'stworker'
  location: location
  sku: {
    name: 'Standard_LRS'
  }
  kind: 'StorageV2'
}

resource blobReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, worker.id, 'blob-data-reader')
  scope: stg
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1')
    principalId: worker.properties.principalId
    principalType: 'ServicePrincipal'
  }
}
