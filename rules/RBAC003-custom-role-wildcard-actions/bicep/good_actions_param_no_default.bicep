// actions from a parameter without a default: unknown, not reported
param actions array

resource role 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(resourceGroup().id, 'custom')
  properties: {
    roleName: 'Custom'
    type: 'customRole'
    permissions: [
      {
        actions: actions
      }
    ]
    assignableScopes: [
      resourceGroup().id
    ]
  }
}
