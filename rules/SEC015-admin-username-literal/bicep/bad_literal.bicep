@secure()
param adminPassword string
param sqlAdminLogin string = 'sqladmin'
@secure()
param aksWindowsPassword string

var vmAdmin = 'azureuser'

resource vm 'Microsoft.Compute/virtualMachines@2024-03-01' = {
  name: 'vm-orders'
  location: resourceGroup().location
  properties: {
    osProfile: {
      computerName: 'orders'
      adminUsername: vmAdmin
      adminPassword: adminPassword
    }
  }
}

// a parameter default that is used
resource sql 'Microsoft.Sql/servers@2023-05-01-preview' = {
  name: 'sql-orders'
  location: resourceGroup().location
  properties: {
    administratorLogin: sqlAdminLogin
    administratorLoginPassword: adminPassword
    administrators: {
      azureADOnlyAuthentication: false
    }
  }
}

resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aks-orders'
  location: resourceGroup().location
  identity: { type: 'SystemAssigned' }
  properties: {
    dnsPrefix: 'aks-orders'
    windowsProfile: {
      adminUsername: 'aksadmin'
      adminPassword: aksWindowsPassword
    }
  }
}
