@secure()
param adminPassword string

resource vm 'Microsoft.Compute/virtualMachines@2024-03-01' = {
  name: 'vm-orders'
  location: resourceGroup().location
  properties: {
    osProfile: {
      computerName: 'orders'
      adminUsername: 'azureuser'
      adminPassword: adminPassword
    }
  }
}
