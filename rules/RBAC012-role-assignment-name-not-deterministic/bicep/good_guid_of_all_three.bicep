// guid(scope, principal, role) on an extension resource and in a loop
param location string = resourceGroup().location
param roles array = [
  '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'
  '4633458b-17de-408a-b874-0445c86b69e6'
]

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
  name: guid(stg.id, worker.id, '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1')
  scope: stg
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1')
    principalId: worker.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource assignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in roles: {
  name: guid(resourceGroup().id, worker.id, role)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    principalId: worker.properties.principalId
    principalType: 'ServicePrincipal'
  }
}]
