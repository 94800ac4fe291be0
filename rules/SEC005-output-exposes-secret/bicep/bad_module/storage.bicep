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

// the module's output lands in the deployment history too
output primaryKey string = stg.listKeys().keys[0].value
