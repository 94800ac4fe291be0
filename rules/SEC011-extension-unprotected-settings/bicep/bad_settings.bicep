@secure()
param domainJoinPassword string
param _artifactsLocation string = deployment().properties.templateLink.uri
@secure()
param _artifactsLocationSasToken string = ''

resource st 'Microsoft.Storage/storageAccounts@2023-01-01' existing = {
  name: 'stbackups'
}

resource vm 'Microsoft.Compute/virtualMachines@2024-03-01' existing = {
  name: 'vm-orders'

  // a password on the command line in public settings
  resource join 'extensions' = {
    name: 'domain-join'
    location: resourceGroup().location
    properties: {
      publisher: 'Microsoft.Compute'
      type: 'CustomScriptExtension'
      typeHandlerVersion: '1.10'
      settings: {
        commandToExecute: 'powershell -File join.ps1 -Password ${domainJoinPassword}'
      }
    }
  }
}

// `parent:` with a storage key in settings
resource backup 'Microsoft.Compute/virtualMachines/extensions@2024-03-01' = {
  parent: vm
  name: 'backup'
  location: resourceGroup().location
  properties: {
    publisher: 'Microsoft.Azure.Extensions'
    type: 'CustomScript'
    typeHandlerVersion: '2.1'
    settings: {
      storageAccountKey: st.listKeys().keys[0].value
      commandToExecute: './backup.sh'
    }
  }
}

// quickstart convention: the SAS token appended to a public fileUris entry (medium)
resource install 'Microsoft.Compute/virtualMachines/extensions@2024-03-01' = {
  parent: vm
  name: 'install'
  location: resourceGroup().location
  properties: {
    publisher: 'Microsoft.Azure.Extensions'
    type: 'CustomScript'
    typeHandlerVersion: '2.1'
    settings: {
      fileUris: [
        uri(_artifactsLocation, 'install.sh${_artifactsLocationSasToken}')
      ]
    }
    protectedSettings: {
      commandToExecute: 'sh install.sh'
    }
  }
}

// the same in a module whose caller passes the token: no default
@secure()
param stagingSasToken string
param stagingLocation string

resource setup 'Microsoft.Compute/virtualMachines/extensions@2024-03-01' = {
  parent: vm
  name: 'setup'
  location: resourceGroup().location
  properties: {
    publisher: 'Microsoft.Azure.Extensions'
    type: 'CustomScript'
    typeHandlerVersion: '2.1'
    settings: {
      fileUris: [
        uri(stagingLocation, 'scripts/setup.sh${stagingSasToken}')
      ]
      commandToExecute: 'sh setup.sh'
    }
  }
}
