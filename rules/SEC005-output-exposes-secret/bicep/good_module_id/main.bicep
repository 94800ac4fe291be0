param location string = resourceGroup().location

module storage './storage.bicep' = {
  name: 'orders-storage'
  params: {
    location: location
  }
}

output storageId string = storage.outputs.storageId
output blobEndpoint string = storage.outputs.blobEndpoint
