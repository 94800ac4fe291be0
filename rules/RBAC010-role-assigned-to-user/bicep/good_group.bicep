// Reader for a group
param groupObjectId string = '77777777-7777-7777-7777-777777777777'

resource reader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, groupObjectId, 'reader')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')
    principalId: groupObjectId
    principalType: 'Group'
  }
}
