param location string

@description('Not passed by the caller, so this default is deployed.')
@secure()
param vmAdminPassword string = 'Cache-Admin-2024'

resource vm 'Microsoft.Compute/virtualMachines@2024-03-01' = {
  name: 'vm-cache'
  location: location
  properties: {
    osProfile: {
      computerName: 'cache'
      adminUsername: 'azureuser'
      adminPassword: vmAdminPassword
    }
  }
}
