param location string = resourceGroup().location

@secure()
param sqlAdminPassword string = newGuid()

module storage './storage.bicep' = {
  name: 'orders-storage'
  params: {
    location: location
  }
}

resource sql 'Microsoft.Sql/servers@2023-05-01-preview' = {
  name: 'sql-orders'
  location: location
  properties: {
    administratorLogin: 'sqladmin'
    administratorLoginPassword: sqlAdminPassword
  }
}

// the secure parameter formatted into a connection string
output sqlConnectionString string = 'Server=tcp:${sql.properties.fullyQualifiedDomainName},1433;Database=orders;User ID=sqladmin;Password=${sqlAdminPassword};'

output storageId string = storage.outputs.storageId
