// Resource-group scope, guid(principalId, role): the scope is left out
param principalId string = '11111111-1111-1111-1111-111111111111'

var readerRoleId = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')

resource reader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(principalId, readerRoleId)
  properties: {
    roleDefinitionId: readerRoleId
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}
