@secure()
param adminPassword string
param entraOnly bool = false

// absent: the service default allows passwords, at the type string
resource sql 'Microsoft.Sql/servers@2023-05-01-preview' = {
  name: 'sql-orders'
  location: resourceGroup().location
  properties: {
    administratorLogin: 'sqladmin'
    administratorLoginPassword: adminPassword
  }
}

// false via the parameter default
resource sqlReports 'Microsoft.Sql/servers@2023-05-01-preview' = {
  name: 'sql-reports'
  location: resourceGroup().location
  properties: {
    administrators: {
      administratorType: 'ActiveDirectory'
      azureADOnlyAuthentication: entraOnly
      login: 'sql-admins'
      sid: '00000000-0000-0000-0000-000000000000'
    }
  }
}

// a nested azureADOnlyAuthentications child with false decides for its server
resource sqlBilling 'Microsoft.Sql/servers@2023-05-01-preview' = {
  name: 'sql-billing'
  location: resourceGroup().location
  properties: {
    administratorLogin: 'sqladmin'
    administratorLoginPassword: adminPassword
  }

  resource entraOnlyAuth 'azureADOnlyAuthentications' = {
    name: 'Default'
    properties: {
      azureADOnlyAuthentication: false
    }
  }
}

resource pg 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'psql-orders'
  location: resourceGroup().location
  sku: { name: 'Standard_B1ms', tier: 'Burstable' }
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: adminPassword
    authConfig: {
      activeDirectoryAuth: 'Enabled'
      passwordAuth: 'Enabled'
    }
  }
}
