// Cosmos DB Built-in Data Contributor (a variable) in a Microsoft.Authorization role assignment on the
// account, and the account's sqlRoleDefinitions Data Reader ID given to another
param accountName string = 'cosmos-orders'
param principalId string = '11111111-1111-1111-1111-111111111111'

var cosmosDataContributor = '00000000-0000-0000-0000-000000000002'

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' existing = {
  name: accountName
}

resource contributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, principalId, cosmosDataContributor)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', cosmosDataContributor)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

resource reader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, principalId, 'data-reader')
  scope: account
  properties: {
    roleDefinitionId: resourceId('Microsoft.DocumentDB/databaseAccounts/sqlRoleDefinitions', accountName, '00000000-0000-0000-0000-000000000001')
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}
