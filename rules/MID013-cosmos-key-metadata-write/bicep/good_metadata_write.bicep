resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: 'cosmos-orders'
  location: resourceGroup().location
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      { locationName: resourceGroup().location }
    ]
    disableKeyBasedMetadataWriteAccess: true
  }
}

// no key works at all
resource cosmosEntra 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: 'cosmos-entra'
  location: resourceGroup().location
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      { locationName: resourceGroup().location }
    ]
    disableLocalAuth: true
  }
}

resource shared 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' existing = {
  name: 'cosmos-shared'
}
