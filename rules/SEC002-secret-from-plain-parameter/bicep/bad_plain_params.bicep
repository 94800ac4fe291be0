// secret-bearing properties fed by plain (not @secure()) parameters without a value in the code
param location string = resourceGroup().location
param adminPassword string
param sqlAdminPassword string
param settings object

resource vm 'Microsoft.Compute/virtualMachines@2024-03-01' = {
  name: 'vm-orders'
  location: location
  properties: {
    osProfile: {
      computerName: 'orders'
      adminUsername: 'azureuser'
      adminPassword: adminPassword
    }
  }
}

resource sql 'Microsoft.Sql/servers@2023-05-01-preview' = {
  name: 'sql-orders'
  location: location
  properties: {
    administratorLogin: 'sqladmin'
    administratorLoginPassword: sqlAdminPassword
  }
}

resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-orders'
}

// a member of a plain object parameter
resource partnerSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: kv
  name: 'partner-api-secret'
  properties: {
    value: settings.partnerApiSecret
    attributes: {
      exp: 1924905600
    }
  }
}
