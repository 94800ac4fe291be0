// `for` over a role list, guid(resourceGroup().id, principalId): the role is left out; reported once
param principalId string = '11111111-1111-1111-1111-111111111111'
param roles array = [
  '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'
  '4633458b-17de-408a-b874-0445c86b69e6'
]

resource assignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in roles: {
  name: guid(resourceGroup().id, principalId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}]
