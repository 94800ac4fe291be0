// A literal GUID name collides across environments
param principalId string = '11111111-1111-1111-1111-111111111111'

resource reader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: 'c0ffee00-1234-4abc-9def-0123456789ab'
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}
