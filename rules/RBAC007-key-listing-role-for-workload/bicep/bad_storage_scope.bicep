// Storage Account Contributor on the storage account (`scope:`) for a user-assigned identity
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

resource stgContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(stg.id, worker.id, 'storage-account-contributor')
  scope: stg
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '17d1049b-9a84-46fb-8f53-869881c3d3ab')
    principalId: worker.properties.principalId
    principalType: 'ServicePrincipal'
  }
}
