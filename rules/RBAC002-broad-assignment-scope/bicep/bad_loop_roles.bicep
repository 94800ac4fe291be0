// A `for` loop over data roles, each at subscription scope: reported once
targetScope = 'subscription'

param principalId string = '22222222-2222-2222-2222-222222222222'
param roles array = [
  '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'
  '4633458b-17de-408a-b874-0445c86b69e6'
]

resource assignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in roles: {
  name: guid(subscription().id, principalId, role)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}]
