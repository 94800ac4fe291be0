// The caller passes a literal to the module's secure parameter:
// the finding is the property inside the module that receives it.
param location string = resourceGroup().location

module sql './modules/sql.bicep' = {
  name: 'orders-sql'
  params: {
    location: location
    administratorLoginPassword: 'Sql-Orders-Pa55!'
  }
}
