// `for` over users, principalType from a parameter whose default is 'User': reported once
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param principalType string = 'User'
param principalIds array = [
  '88888888-8888-8888-8888-888888888888'
  '99999999-9999-9999-9999-999999999999'
]

resource readers 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for id in principalIds: {
  name: guid(resourceGroup().id, id, 'reader')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')
    principalId: id
    principalType: principalType
  }
}]
