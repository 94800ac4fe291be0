@secure()
param adminPassword string

module pg './postgres.bicep' = {
  name: 'orders-pg'
  params: {
    administratorLogin: 'pgadmin'
    administratorLoginPassword: adminPassword
  }
}
