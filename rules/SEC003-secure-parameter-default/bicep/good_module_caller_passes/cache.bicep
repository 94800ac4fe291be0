param location string

@description('Always passed by the caller.')
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
