param location string

resource stg 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'storders${uniqueString(resourceGroup().id)}'
  location: location
  sku: {
    name: 'Standard_LRS'
  }
  kind: 'StorageV2'
}

output storageId string = stg.id
output blobEndpoint string = stg.properties.primaryEndpoints.blob
