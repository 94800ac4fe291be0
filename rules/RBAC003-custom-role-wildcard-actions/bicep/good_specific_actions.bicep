// Explicit actions only
resource readerRole 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(resourceGroup().id, 'blob-lister')
  properties: {
    roleName: 'Blob Lister'
    type: 'customRole'
    permissions: [
      {
        actions: [
          'Microsoft.Storage/storageAccounts/blobServices/containers/read'
          'Microsoft.Resources/subscriptions/resourceGroups/read'
        ]
        dataActions: [
          'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'
        ]
      }
    ]
    assignableScopes: [
      resourceGroup().id
    ]
  }
}
