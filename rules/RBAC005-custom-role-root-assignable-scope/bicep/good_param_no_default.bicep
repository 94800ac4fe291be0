// assignable scopes from a parameter without a default: unknown, not reported
targetScope = 'subscription'

param scopes array

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
    assignableScopes: scopes
  }
}
