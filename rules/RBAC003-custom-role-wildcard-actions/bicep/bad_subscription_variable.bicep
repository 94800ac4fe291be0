// subscription-scope file, actions from a variable: `Microsoft.Compute/*` reported at the `actions` key
targetScope = 'subscription'

var computeActions = [
  'Microsoft.Compute/*'
  'Microsoft.Network/networkInterfaces/read'
]

resource vmOperator 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(subscription().id, 'vm-operator')
  properties: {
    roleName: 'VM Operator'
    type: 'customRole'
    permissions: [
      {
        actions: computeActions
      }
    ]
    assignableScopes: [
      subscription().id
    ]
  }
}
