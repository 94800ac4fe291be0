// Owner at subscription scope: the deployment's own scope, no `scope:` on the assignment
targetScope = 'subscription'

param principalId string = '11111111-1111-1111-1111-111111111111'

var ownerRoleId = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '8e3af657-a8ff-443c-a75c-2fe8c4bcb635')

resource ownerAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(subscription().id, principalId, ownerRoleId)
  properties: {
    roleDefinitionId: ownerRoleId
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}
