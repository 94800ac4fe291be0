// The principal of an `existing` app, created by another deployment long ago: no principalType needed
resource existingApp 'Microsoft.Web/sites@2022-09-01' existing = {
  name: 'app-other'
}

resource reader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, existingApp.id, 'reader')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')
    principalId: existingApp.identity.principalId
  }
}
