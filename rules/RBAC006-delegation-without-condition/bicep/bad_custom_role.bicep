// A custom role of this file that writes role assignments, assigned through its symbolic `id`
param principalId string = '11111111-1111-1111-1111-111111111111'

resource assigner 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(resourceGroup().id, 'assigner')
  properties: {
    roleName: 'Assigner'
    type: 'customRole'
    permissions: [
      {
        actions: [
          'Microsoft.Authorization/roleAssignments/*'
        ]
      }
    ]
    assignableScopes: [
      resourceGroup().id
    ]
  }
}

resource assignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, principalId, assigner.id)
  properties: {
    roleDefinitionId: assigner.id
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}
