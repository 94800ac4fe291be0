param allowSharedKeyAccess bool = true

resource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stpf${uniqueString(resourceGroup().id)}'
  location: resourceGroup().location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    allowSharedKeyAccess: allowSharedKeyAccess
  }
}
