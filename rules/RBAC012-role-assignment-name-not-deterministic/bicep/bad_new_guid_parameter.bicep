// Name from a parameter whose default is newGuid(): a new assignment on every deployment
param principalId string = '11111111-1111-1111-1111-111111111111'
param assignmentName string = newGuid()

resource reader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: assignmentName
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}
