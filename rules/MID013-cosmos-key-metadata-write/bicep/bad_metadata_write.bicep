param keyMetadataWritesOff bool = false

// absent: at the type string
resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: 'cosmos-orders'
  location: resourceGroup().location
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      { locationName: resourceGroup().location }
    ]
  }
}

// false via the parameter default
resource cosmosReports 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: 'cosmos-reports'
  location: resourceGroup().location
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      { locationName: resourceGroup().location }
    ]
    disableKeyBasedMetadataWriteAccess: keyMetadataWritesOff
  }
}
