@secure()
param adminPassword string
param disablePasswordAuthentication bool = true

resource vm 'Microsoft.Compute/virtualMachines@2024-03-01' = {
  name: 'vm-orders'
  location: resourceGroup().location
  properties: {
    osProfile: {
      computerName: 'vm-orders'
      adminUsername: 'azureuser'
      adminPassword: adminPassword
      linuxConfiguration: {
        disablePasswordAuthentication: disablePasswordAuthentication
      }
    }
    storageProfile: {
      osDisk: {
        createOption: 'FromImage'
        osType: 'Linux'
      }
    }
  }
}
