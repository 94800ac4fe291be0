// `for` over role GUIDs for a user-assigned identity: the Storage Account Key Operator instance
// (the Blob Data Reader one is not reported), once
param location string = resourceGroup().location
param roles array = [
  '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'
  '81a9662b-bebf-436f-a333-f67b29880f12'
]

resource worker 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-worker'
  location: location
}

resource assignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in roles: {
  name: guid(resourceGroup().id, worker.id, role)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    principalId: worker.properties.principalId
    principalType: 'ServicePrincipal'
  }
}]
