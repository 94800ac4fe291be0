param location string = resourceGroup().location
param allowSharedKey bool = true

resource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'st${uniqueString(resourceGroup().id)}'
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    allowSharedKeyAccess: true
    minimumTlsVersion: 'TLS1_2'
  }
}

// via the parameter default: at the property, not at the default
resource logs 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stlogs${uniqueString(resourceGroup().id)}'
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    allowSharedKeyAccess: allowSharedKey
  }
}

// one account per region: reported once
resource regional 'Microsoft.Storage/storageAccounts@2023-05-01' = [for (region, i) in ['westeurope', 'northeurope', 'swedencentral']: {
  name: 'st${i}${uniqueString(resourceGroup().id, region)}'
  location: region
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    allowSharedKeyAccess: true
  }
}]
