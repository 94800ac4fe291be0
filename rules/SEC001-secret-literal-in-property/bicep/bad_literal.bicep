// Orders jump box, database and gateway, written in Bicep.
param location string = resourceGroup().location
param vmName string = 'vm-orders-jump'

@secure()
param pfxData string

// a plain string parameter whose default is the password
param mysqlAdminPassword string = 'Orders-MySql-2024!'

var prefix = 'Orders'
// folds to a constant: still a password written in the template
var sqlAdminPassword = '${prefix}-Sql-2024!'

resource vm 'Microsoft.Compute/virtualMachines@2024-03-01' = {
  name: vmName
  location: location
  properties: {
    hardwareProfile: { vmSize: 'Standard_B2s' }
    osProfile: {
      computerName: 'ordersjump'
      adminUsername: 'azureuser'
      adminPassword: 'Contoso-Vm#2024' // TODO rotate
    }
    networkProfile: {
      networkInterfaces: [
        { id: resourceId('Microsoft.Network/networkInterfaces', 'nic-orders-jump') }
      ]
    }
  }
}

resource sql 'Microsoft.Sql/servers@2023-05-01-preview' = {
  name: 'sql-orders-${uniqueString(resourceGroup().id)}'
  location: location
  properties: {
    administratorLogin: 'sqladmin'
    administratorLoginPassword: sqlAdminPassword
    minimalTlsVersion: '1.2'
  }
}

resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-orders'
}

resource partnerSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: kv
  name: 'partner-api-secret'
  properties: {
    contentType: 'text/plain'
    value: 'partner-shared-secret-not-rotated'
  }
}

resource agw 'Microsoft.Network/applicationGateways@2023-11-01' = {
  name: 'agw-orders'
  location: location
  properties: {
    sku: { name: 'WAF_v2', tier: 'WAF_v2', capacity: 2 }
    sslCertificates: [
      {
        name: 'orders-contoso-com'
        properties: {
          data: pfxData
          password: 'pfx-export-2024'
        }
      }
    ]
  }
}

// one MySQL server per region, all fed the same default: reported once
resource mysql 'Microsoft.DBforMySQL/flexibleServers@2023-12-30' = [for region in ['westeurope', 'northeurope']: {
  name: 'mysql-orders-${region}'
  location: region
  properties: {
    administratorLogin: 'ordersadmin'
    administratorLoginPassword: mysqlAdminPassword
    version: '8.0.21'
  }
}]
