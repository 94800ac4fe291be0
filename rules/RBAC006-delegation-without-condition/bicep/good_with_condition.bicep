// RBAC Administrator constrained by an ABAC condition to assigning Key Vault Secrets User only
param principalId string = '11111111-1111-1111-1111-111111111111'

resource rbacAdmin 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, principalId, 'rbac-admin')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'f58310d9-a9f6-439a-9e8d-f62e7b41a168')
    principalId: principalId
    principalType: 'ServicePrincipal'
    condition: '''
(
 (
  !(ActionMatches{'Microsoft.Authorization/roleAssignments/write'})
 )
 OR
 (
  @Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {4633458b-17de-408a-b874-0445c86b69e6}
 )
)
'''
    conditionVersion: '2.0'
  }
}
