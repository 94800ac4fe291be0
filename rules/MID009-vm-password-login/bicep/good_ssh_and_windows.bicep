param location string = resourceGroup().location
param adminUsername string = 'azureuser'
@secure()
param adminPassword string
param sshPublicKey string
@allowed([
  'sshPublicKey'
  'password'
])
param authenticationType string = 'sshPublicKey'
// no default: unknown, not reported
param disablePasswordAuth bool

var linuxConfiguration = {
  disablePasswordAuthentication: true
  ssh: {
    publicKeys: [
      {
        path: '/home/${adminUsername}/.ssh/authorized_keys'
        keyData: sshPublicKey
      }
    ]
  }
}

resource vmSsh 'Microsoft.Compute/virtualMachines@2024-03-01' = {
  name: 'vm-ssh'
  location: location
  properties: {
    osProfile: {
      computerName: 'vm-ssh'
      adminUsername: adminUsername
      linuxConfiguration: ((authenticationType == 'password') ? null : linuxConfiguration)
    }
    storageProfile: {
      imageReference: {
        publisher: 'Canonical'
        offer: 'ubuntu-24_04-lts'
        sku: 'server'
        version: 'latest'
      }
    }
  }
}

resource vmInput 'Microsoft.Compute/virtualMachines@2024-03-01' = {
  name: 'vm-input'
  location: location
  properties: {
    osProfile: {
      computerName: 'vm-input'
      adminUsername: adminUsername
      adminPassword: adminPassword
      linuxConfiguration: {
        disablePasswordAuthentication: disablePasswordAuth
      }
    }
  }
}

// Windows logs in with a password by design: not judged
resource vmWin 'Microsoft.Compute/virtualMachines@2024-03-01' = {
  name: 'vm-win'
  location: location
  properties: {
    osProfile: {
      computerName: 'vm-win'
      adminUsername: adminUsername
      adminPassword: adminPassword
    }
    storageProfile: {
      imageReference: {
        publisher: 'MicrosoftWindowsServer'
        offer: 'WindowsServer'
        sku: '2022-datacenter-azure-edition'
        version: 'latest'
      }
    }
  }
}

// never deployed
resource vmLegacy 'Microsoft.Compute/virtualMachines@2024-03-01' = if (false) {
  name: 'vm-legacy'
  location: location
  properties: {
    osProfile: {
      computerName: 'vm-legacy'
      adminUsername: adminUsername
      adminPassword: adminPassword
      linuxConfiguration: {
        disablePasswordAuthentication: false
      }
    }
  }
}
