// `Microsoft.Authorization/*` grants role assignment and definition writes
resource delegator 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(resourceGroup().id, 'delegator')
  properties: {
    roleName: 'Delegator'
    type: 'customRole'
    permissions: [
      {
        actions: [
          'Microsoft.Authorization/*'
          'Microsoft.Resources/subscriptions/resourceGroups/read'
        ]
      }
    ]
    assignableScopes: [
      resourceGroup().id
    ]
  }
}
