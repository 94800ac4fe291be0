@secure()
param adminPassword string
param disablePasswordAuthentication bool = true

resource vm 'Microsoft.Compute/virtualMachines@2024-03-01' = {
  name: 'vm-reports'
  location: resourceGroup().location
  properties: {
    osProfile: {
      computerName: 'vm-reports'
      adminUsername: 'azureuser'
      adminPassword: adminPassword
      linuxConfiguration: {
        disablePasswordAuthentication: disablePasswordAuthentication
      }
    }
    storageProfile: {
      imageReference: {
        publisher: 'RedHat'
        offer: 'RHEL'
        sku: '9-lvm-gen2'
        version: 'latest'
      }
    }
  }
}
