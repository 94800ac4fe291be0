param planId string
param allowFtp bool = false

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-reports'
  location: resourceGroup().location
  properties: {
    serverFarmId: planId
  }

  resource ftp 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: {
      allow: allowFtp
    }
  }

  resource scm 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: false
    }
  }
}
