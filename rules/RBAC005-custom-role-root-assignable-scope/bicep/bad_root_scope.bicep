// tenant file: `/` is assignable everywhere (the subscription beside it is not reported)
targetScope = 'tenant'

resource auditor 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid('auditor')
  properties: {
    roleName: 'Auditor'
    type: 'customRole'
    permissions: [
      {
        actions: [
          '*/read'
        ]
      }
    ]
    assignableScopes: [
      '/'
      '/subscriptions/00000000-0000-0000-0000-000000000001'
    ]
  }
}
