// `*` in actions (notActions do not narrow it) and `Microsoft.Storage/*` in dataActions;
// the explicit blob read beside it is not reported
resource operatorRole 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(resourceGroup().id, 'app-operator')
  properties: {
    roleName: 'App Operator'
    type: 'customRole'
    permissions: [
      {
        actions: [
          '*'
        ]
        notActions: [
          'Microsoft.Authorization/*/write'
        ]
        dataActions: [
          'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'
          'Microsoft.Storage/*'
        ]
      }
    ]
    assignableScopes: [
      resourceGroup().id
    ]
  }
}
