// Secrets come in as secure parameters without defaults, or are placeholders,
// or the resource is not deployed.
param location string = resourceGroup().location

@secure()
param vmAdminPassword string

@secure()
param sqlAdminPassword string

param deployLegacy bool = false

resource vm 'Microsoft.Compute/virtualMachines@2024-03-01' = {
  name: 'vm-orders-jump'
  location: location
  properties: {
    hardwareProfile: { vmSize: 'Standard_B2s' }
    osProfile: {
      computerName: 'ordersjump'
      adminUsername: 'azureuser'
      adminPassword: vmAdminPassword
    }
  }
}

resource sql 'Microsoft.Sql/servers@2023-05-01-preview' = {
  name: 'sql-orders-${uniqueString(resourceGroup().id)}'
  location: location
  properties: {
    administratorLogin: 'sqladmin'
    administratorLoginPassword: sqlAdminPassword
  }
}

resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-orders'

  // an empty value to be filled in later, and an obvious placeholder
  resource placeholder 'secrets' = {
    name: 'partner-api-secret'
    properties: {
      value: '<partner secret>'
    }
  }
  resource empty 'secrets' = {
    name: 'partner-api-secret-next'
    properties: {
      value: ''
    }
  }
}

// never deployed: the literal is not a finding
resource legacySql 'Microsoft.Sql/servers@2023-05-01-preview' = if (false) {
  name: 'sql-orders-legacy'
  location: location
  properties: {
    administratorLogin: 'sqladmin'
    administratorLoginPassword: 'Legacy-Sql-2019!'
  }
}

resource legacyVm 'Microsoft.Compute/virtualMachines@2024-03-01' = if (deployLegacy) {
  name: 'vm-orders-legacy'
  location: location
  properties: {
    osProfile: {
      computerName: 'orderslegacy'
      adminUsername: 'azureuser'
      adminPassword: vmAdminPassword
    }
  }
}
