param location string
// the module's own parameter is plain: the caller's @secure() does not carry over
param adminPassword string
@secure()
param sharedAccessKey string

resource vm 'Microsoft.Compute/virtualMachines@2024-03-01' = {
  name: 'vm-orders'
  location: location
  properties: {
    osProfile: {
      computerName: 'orders'
      adminUsername: 'azureuser'
      adminPassword: adminPassword
    }
  }
}

resource ext 'Microsoft.Compute/virtualMachines/extensions@2024-03-01' = {
  parent: vm
  name: 'relay'
  location: location
  properties: {
    publisher: 'Microsoft.Azure.Extensions'
    type: 'CustomScript'
    typeHandlerVersion: '2.1'
    protectedSettings: {
      commandToExecute: 'relay --key ${sharedAccessKey}'
    }
  }
}
