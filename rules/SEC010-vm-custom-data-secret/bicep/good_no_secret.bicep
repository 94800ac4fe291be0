@secure()
param adminPassword string
@secure()
param agentPassword string

var cloudInit = '''
#cloud-config
package_update: true
packages:
  - nginx
'''

resource vm 'Microsoft.Compute/virtualMachines@2024-03-01' = {
  name: 'vm-web'
  location: resourceGroup().location
  properties: {
    osProfile: {
      computerName: 'vm-web'
      adminUsername: 'azureuser'
      adminPassword: adminPassword
      customData: base64(cloudInit)
    }
    // from a secure parameter without default: not a literal
    userData: base64('./register.sh --password=${agentPassword}')
  }
}

resource vm2 'Microsoft.Compute/virtualMachines@2024-03-01' = {
  name: 'vm-agent'
  location: resourceGroup().location
  properties: {
    osProfile: {
      computerName: 'vm-agent'
      adminUsername: 'azureuser'
      adminPassword: adminPassword
      customData: base64('./register.sh --password=__AGENT_PASSWORD__')
    }
  }
}
