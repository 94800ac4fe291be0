using './main.bicep'

param serverName = 'sql-orders-prod'
param administratorLogin = 'sqladmin'
// a literal given to a @secure() parameter
param adminPassword = 'Prod-Sql-Admin-2024!'
param registryCredentials = {
  username: 'ordersacr'
  password: 'Acr-Pull-Prod-2024'
}
