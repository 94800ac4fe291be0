// no default: unknown, not reported
param pgPasswordAuth string

resource sql 'Microsoft.Sql/servers@2023-05-01-preview' = {
  name: 'sql-orders'
  location: resourceGroup().location
  properties: {
    administrators: {
      administratorType: 'ActiveDirectory'
      azureADOnlyAuthentication: true
      login: 'sql-admins'
      sid: '00000000-0000-0000-0000-000000000000'
      tenantId: subscription().tenantId
    }
  }
}

// Entra-only set by a `parent:` child
resource sqlBilling 'Microsoft.Sql/servers@2023-05-01-preview' = {
  name: 'sql-billing'
  location: resourceGroup().location
  properties: {}
}

resource billingEntraOnly 'Microsoft.Sql/servers/azureADOnlyAuthentications@2023-05-01-preview' = {
  parent: sqlBilling
  name: 'Default'
  properties: {
    azureADOnlyAuthentication: true
  }
}

resource pg 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'psql-orders'
  location: resourceGroup().location
  sku: { name: 'Standard_B1ms', tier: 'Burstable' }
  properties: {
    version: '16'
    authConfig: {
      activeDirectoryAuth: 'Enabled'
      passwordAuth: 'Disabled'
    }
  }
}

resource pgInput 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'psql-input'
  location: resourceGroup().location
  sku: { name: 'Standard_B1ms', tier: 'Burstable' }
  properties: {
    version: '16'
    authConfig: {
      activeDirectoryAuth: 'Enabled'
      passwordAuth: pgPasswordAuth
    }
  }
}
