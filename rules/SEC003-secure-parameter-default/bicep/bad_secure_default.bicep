param location string = resourceGroup().location
param administratorLogin string = 'pgadmin'

@description('Password of the server administrator.')
@secure()
param administratorLoginPassword string = 'Winter2024!Contoso'

// an object of credentials with a default
@secure()
param registryCredentials object = {
  username: 'ordersacr'
  password: 'Acr-Pull-2024!'
}

// derived from public inputs: anyone who can read the resource group can compute it
@secure()
param vmAdminPassword string = 'P${uniqueString(resourceGroup().id)}x!'

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2022-12-01' = {
  name: 'psql-${uniqueString(resourceGroup().id)}'
  location: location
  sku: {
    name: 'Standard_B1ms'
    tier: 'Burstable'
  }
  properties: {
    version: '15'
    administratorLogin: administratorLogin
    administratorLoginPassword: administratorLoginPassword
    storage: {
      storageSizeGB: 32
    }
  }
}
