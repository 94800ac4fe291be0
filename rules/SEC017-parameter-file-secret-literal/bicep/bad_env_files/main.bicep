@secure()
param sqlAdminPassword string

resource sql 'Microsoft.Sql/servers@2023-05-01-preview' = {
  name: 'sql-orders'
  location: resourceGroup().location
  properties: {
    administratorLogin: 'sqladmin'
    administratorLoginPassword: sqlAdminPassword
  }
}
