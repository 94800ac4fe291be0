@secure()
param domainJoinPassword string
param workspaceId string

resource st 'Microsoft.Storage/storageAccounts@2023-01-01' existing = {
  name: 'stbackups'
}

resource vm 'Microsoft.Compute/virtualMachines@2024-03-01' existing = {
  name: 'vm-orders'

  resource join 'extensions' = {
    name: 'domain-join'
    location: resourceGroup().location
    properties: {
      publisher: 'Microsoft.Compute'
      type: 'CustomScriptExtension'
      typeHandlerVersion: '1.10'
      settings: {
        fileUris: [
          'https://stdeploy.blob.core.windows.net/scripts/join.ps1'
        ]
      }
      protectedSettings: {
        commandToExecute: 'powershell -File join.ps1 -Password ${domainJoinPassword}'
        storageAccountKey: st.listKeys().keys[0].value
      }
    }
  }

  resource monitor 'extensions' = {
    name: 'monitor'
    location: resourceGroup().location
    properties: {
      publisher: 'Microsoft.EnterpriseCloud.Monitoring'
      type: 'MicrosoftMonitoringAgent'
      typeHandlerVersion: '1.0'
      settings: {
        workspaceId: workspaceId
      }
    }
  }
}
