// User Access Administrator with no condition; RBAC Administrator with an empty condition
param principalId string = '11111111-1111-1111-1111-111111111111'

resource uaa 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, principalId, 'uaa')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9')
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

resource rbacAdmin 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, principalId, 'rbac-admin')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'f58310d9-a9f6-439a-9e8d-f62e7b41a168')
    principalId: principalId
    principalType: 'ServicePrincipal'
    condition: ''
    conditionVersion: '2.0'
  }
}
