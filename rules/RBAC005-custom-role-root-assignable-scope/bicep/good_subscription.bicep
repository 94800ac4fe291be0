// assignable at this subscription only
targetScope = 'subscription'

resource auditor 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(subscription().id, 'auditor')
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
      subscription().id
    ]
  }
}
