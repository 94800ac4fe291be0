// principalType 'User': assign to a group instead
param userObjectId string = '88888888-8888-8888-8888-888888888888'

resource reader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, userObjectId, 'reader')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')
    principalId: userObjectId
    principalType: 'User'
  }
}
