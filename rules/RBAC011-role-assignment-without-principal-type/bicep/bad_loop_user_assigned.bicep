// `for` over a role list for a user-assigned identity declared here, no principalType: reported once
param location string = resourceGroup().location
param roles array = [
  '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'
  '4633458b-17de-408a-b874-0445c86b69e6'
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
  }
}]
