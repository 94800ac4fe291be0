param location string = resourceGroup().location
param adminUsername string = 'azureuser'
@secure()
param adminPassword string
@allowed([
  'sshPublicKey'
  'password'
])
param authenticationType string = 'password'
@secure()
param adminPasswordOrKey string

// linuxConfiguration without disablePasswordAuthentication: ARM's default is false, at the type string
resource vmAbsent 'Microsoft.Compute/virtualMachines@2024-03-01' = {
  name: 'vm-absent'
  location: location
  properties: {
    osProfile: {
      computerName: 'vm-absent'
      adminUsername: adminUsername
      adminPassword: adminPassword
      linuxConfiguration: {
        provisionVMAgent: true
      }
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

var linuxConfiguration = {
  disablePasswordAuthentication: true
  ssh: {
    publicKeys: [
      {
        path: '/home/${adminUsername}/.ssh/authorized_keys'
        keyData: adminPasswordOrKey
      }
    ]
  }
}

// quickstart pattern: authenticationType defaults to password, so linuxConfiguration is null
resource vmWeb 'Microsoft.Compute/virtualMachines@2024-03-01' = {
  name: 'vm-web'
  location: location
  properties: {
    osProfile: {
      computerName: 'vm-web'
      adminUsername: adminUsername
      adminPassword: adminPasswordOrKey
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
