param location string = resourceGroup().location
param adminUsername string
param sshPublicKey string
param keyVaultName string = 'kv-orders'
@secure()
param sqlAdminPassword string

resource vm 'Microsoft.Compute/virtualMachines@2024-03-01' = {
  name: 'vm-orders'
  location: location
  properties: {
    osProfile: {
      computerName: 'orders'
      adminUsername: adminUsername
      linuxConfiguration: {
        disablePasswordAuthentication: true
        ssh: {
          publicKeys: [
            { path: '/home/${adminUsername}/.ssh/authorized_keys', keyData: sshPublicKey }
          ]
        }
      }
    }
  }
}

resource sql 'Microsoft.Sql/servers@2023-05-01-preview' = {
  name: 'sql-orders'
  location: location
  properties: {
    administratorLogin: adminUsername
    administratorLoginPassword: sqlAdminPassword
  }
}

resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource st 'Microsoft.Storage/storageAccounts@2023-01-01' existing = {
  name: 'storders'
}

// a service key, not an input: SEC002 does not judge it
resource storageKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: kv
  name: 'storage-key'
  properties: {
    value: st.listKeys().keys[0].value
    attributes: {
      exp: 1924905600
    }
  }
}
