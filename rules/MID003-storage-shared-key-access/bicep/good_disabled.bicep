param location string = resourceGroup().location
// no default: unknown, not reported
param allowSharedKey bool
param deployLegacy bool = false

resource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'st${uniqueString(resourceGroup().id)}'
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    allowSharedKeyAccess: false
  }

  resource blob 'blobServices' = {
    name: 'default'
  }
}

resource fromInput 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stin${uniqueString(resourceGroup().id)}'
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    allowSharedKeyAccess: allowSharedKey
  }
}

resource regional 'Microsoft.Storage/storageAccounts@2023-05-01' = [for region in ['westeurope', 'northeurope']: {
  name: 'st${uniqueString(resourceGroup().id, region)}'
  location: region
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    allowSharedKeyAccess: false
  }
}]

// not deployed: the condition's parameter defaults to false
resource legacy 'Microsoft.Storage/storageAccounts@2023-05-01' = if (deployLegacy) {
  name: 'stlegacy${uniqueString(resourceGroup().id)}'
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}

// an existing account is a reference, not judged
resource shared 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: 'stshared'
}
