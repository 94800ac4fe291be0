// Owner behind `if (false)`-valued condition: deploys nothing
param principalId string = '11111111-1111-1111-1111-111111111111'
param grantOwner bool = false

resource ownerAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (grantOwner) {
  name: guid(resourceGroup().id, principalId, 'owner')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '8e3af657-a8ff-443c-a75c-2fe8c4bcb635')
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}
