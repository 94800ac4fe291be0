// the user name is an input of the deployment, passed through
param administratorLogin string
@secure()
param adminPassword string

module pg './postgres.bicep' = {
  name: 'orders-pg'
  params: {
    administratorLogin: administratorLogin
    administratorLoginPassword: adminPassword
  }
}
