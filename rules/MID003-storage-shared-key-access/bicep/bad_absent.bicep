// allowSharedKeyAccess not set: the service default allows shared key access, at the type string
param location string = resourceGroup().location
param deployArchive bool = true

resource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'st${uniqueString(resourceGroup().id)}'
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
  }
}

// deployed: the condition's parameter defaults to true
resource archive 'Microsoft.Storage/storageAccounts@2023-05-01' = if (deployArchive) {
  name: 'starch${uniqueString(resourceGroup().id)}'
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}
