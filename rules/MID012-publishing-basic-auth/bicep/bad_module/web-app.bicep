param planId string
param disableBasicPublishingCredentials bool = true

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-web'
  location: resourceGroup().location
  properties: {
    serverFarmId: planId
  }
}

resource policies 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = [for name in ['ftp', 'scm']: {
  parent: site
  name: name
  properties: {
    allow: !disableBasicPublishingCredentials
  }
}]
