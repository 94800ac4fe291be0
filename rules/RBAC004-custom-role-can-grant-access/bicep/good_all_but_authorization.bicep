// `*` less `Microsoft.Authorization/*/Write`: cannot grant access (RBAC003 concerns the `*`)
resource operator 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(resourceGroup().id, 'operator')
  properties: {
    roleName: 'Operator'
    type: 'customRole'
    permissions: [
      {
        actions: [
          '*'
        ]
        notActions: [
          'Microsoft.Authorization/*/Write'
          'Microsoft.Authorization/*/Delete'
        ]
      }
    ]
    assignableScopes: [
      resourceGroup().id
    ]
  }
}
