// User Access Administrator for each principal of a list, at resource-group scope: reported once
param principalIds array = [
  '44444444-4444-4444-4444-444444444444'
  '55555555-5555-5555-5555-555555555555'
]

resource uaa 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for id in principalIds: {
  name: guid(resourceGroup().id, id, 'uaa')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9')
    principalId: id
    principalType: 'ServicePrincipal'
  }
}]
