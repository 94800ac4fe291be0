@secure()
param adminPassword string

var cloudInit = '''
#cloud-config
users:
  - name: builder
    password: Contoso-Build-2024!
'''

resource vm 'Microsoft.Compute/virtualMachines@2024-03-01' = {
  name: 'vm-build'
  location: resourceGroup().location
  properties: {
    osProfile: {
      computerName: 'vm-build'
      adminUsername: 'azureuser'
      adminPassword: adminPassword
      customData: base64(cloudInit)
    }
    userData: base64('./register.sh --url https://build.contoso.com --password=Agent-Reg-2024')
  }
}
