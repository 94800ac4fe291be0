param location string = resourceGroup().location
param adminUsername string = 'azureuser'
@secure()
param adminPassword string
param disablePasswordAuth bool = false

var ubuntu = {
  publisher: 'Canonical'
  offer: 'ubuntu-24_04-lts'
  sku: 'server'
  version: 'latest'
}

resource vm 'Microsoft.Compute/virtualMachines@2024-03-01' = {
  name: 'vm-build'
  location: location
  properties: {
    hardwareProfile: { vmSize: 'Standard_B2s' }
    osProfile: {
      computerName: 'vm-build'
      adminUsername: adminUsername
      adminPassword: adminPassword
      linuxConfiguration: {
        disablePasswordAuthentication: false
      }
    }
    storageProfile: {
      imageReference: ubuntu
    }
  }
}

// via the parameter default: at the property, not at the default
resource vmJump 'Microsoft.Compute/virtualMachines@2024-03-01' = {
  name: 'vm-jump'
  location: location
  properties: {
    osProfile: {
      computerName: 'vm-jump'
      adminUsername: adminUsername
      adminPassword: adminPassword
      linuxConfiguration: {
        disablePasswordAuthentication: disablePasswordAuth
      }
    }
    storageProfile: {
      imageReference: ubuntu
    }
  }
}

// three build agents: reported once
resource agents 'Microsoft.Compute/virtualMachines@2024-03-01' = [for i in range(0, 3): {
  name: 'vm-agent-${i}'
  location: location
  properties: {
    osProfile: {
      computerName: 'agent${i}'
      adminUsername: adminUsername
      adminPassword: adminPassword
      linuxConfiguration: {
        disablePasswordAuthentication: false
      }
    }
    storageProfile: {
      imageReference: ubuntu
    }
  }
}]

// scale set: virtualMachineProfile.osProfile.linuxConfiguration
resource vmss 'Microsoft.Compute/virtualMachineScaleSets@2024-03-01' = {
  name: 'vmss-web'
  location: location
  sku: { name: 'Standard_B2s', tier: 'Standard', capacity: 2 }
  properties: {
    orchestrationMode: 'Uniform'
    upgradePolicy: { mode: 'Automatic' }
    virtualMachineProfile: {
      osProfile: {
        computerNamePrefix: 'web'
        adminUsername: adminUsername
        adminPassword: adminPassword
        linuxConfiguration: {
          disablePasswordAuthentication: false
        }
      }
      storageProfile: {
        imageReference: ubuntu
      }
    }
  }
}
