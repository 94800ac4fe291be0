param location string

@secure()
param administratorLoginPassword string

resource server 'Microsoft.Sql/servers@2023-05-01-preview' = {
  name: 'sql-orders-${uniqueString(resourceGroup().id)}'
  location: location
  properties: {
    administratorLogin: 'sqladmin'
    administratorLoginPassword: administratorLoginPassword
    minimalTlsVersion: '1.2'
  }
}
