// Contributor on a storage account declared here and Owner on an existing key vault:
// extension resources with `scope:`, so resource scope (medium)
param location string = resourceGroup().location
param principalId string = '33333333-3333-3333-3333-333333333333'

resource stg 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'stapp${uniqueString(resourceGroup().id)}'
  location: location
  sku: {
    name: 'Standard_LRS'
  }
  kind: 'StorageV2'
}

resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-shared'
}

resource stgContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(stg.id, principalId, 'contributor')
  scope: stg
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b24988ac-6180-42a0-ab88-20f7382dd24c')
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

resource kvOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(kv.id, principalId, 'owner')
  scope: kv
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '8e3af657-a8ff-443c-a75c-2fe8c4bcb635')
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}
