param adminUsername string
@secure()
param adminPassword string

resource vm 'Microsoft.Compute/virtualMachines@2024-03-01' = {
  name: 'vm-orders'
  location: resourceGroup().location
  properties: {
    osProfile: {
      computerName: 'orders'
      adminUsername: adminUsername
      adminPassword: adminPassword
    }
  }
}

// Entra-only: no administratorLogin
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
