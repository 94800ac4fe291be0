// the parameter file gives a Key Vault secret, but the literal default is still in the
// repository and used by any deployment without the file
@secure()
param sqlAdminPassword string = 'Sql-Default-2024!'

resource sql 'Microsoft.Sql/servers@2023-05-01-preview' = {
  name: 'sql-orders'
  location: resourceGroup().location
  properties: {
    administratorLogin: 'sqladmin'
    administratorLoginPassword: sqlAdminPassword
  }
}
