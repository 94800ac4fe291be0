// filtered loops: Owner for the principals with admin: true; the UAA loop whose filter is false for every item deploys nothing
param principals array = [
  {
    id: '11111111-1111-1111-1111-111111111111'
    admin: true
  }
  {
    id: '22222222-2222-2222-2222-222222222222'
    admin: false
  }
]

resource owners 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for p in principals: if (p.admin) {
  name: guid(resourceGroup().id, p.id, 'owner')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '8e3af657-a8ff-443c-a75c-2fe8c4bcb635')
    principalId: p.id
    principalType: 'ServicePrincipal'
  }
}]

resource nobody 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for p in principals: if (p.id == 'nobody') {
  name: guid(resourceGroup().id, p.id, 'uaa')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9')
    principalId: p.id
    principalType: 'ServicePrincipal'
  }
}]
