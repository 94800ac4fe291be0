param location string = resourceGroup().location
param serverName string
param administratorLogin string

@secure()
param adminPassword string

@secure()
param registryCredentials object

resource sql 'Microsoft.Sql/servers@2023-05-01-preview' = {
  name: serverName
  location: location
  properties: {
    administratorLogin: administratorLogin
    administratorLoginPassword: adminPassword
  }
}
