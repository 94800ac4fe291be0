// assignableScopes from a variable holding a management group: the key
targetScope = 'subscription'

var scopes = [
  '/providers/Microsoft.Management/managementGroups/contoso'
]

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
