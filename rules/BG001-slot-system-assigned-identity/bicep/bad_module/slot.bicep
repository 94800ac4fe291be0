param appName string
param identityType string = 'None'
param location string = resourceGroup().location

resource site 'Microsoft.Web/sites@2022-09-01' existing = {
  name: appName
}

resource staging 'Microsoft.Web/sites/slots@2022-09-01' = {
  parent: site
  name: 'staging'
  location: location
  identity: {
    type: identityType
  }
  properties: {}
}
