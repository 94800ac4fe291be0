// The identity type comes from a parameter without a default: unknown, not reported
param location string = resourceGroup().location
param identityType string

resource site 'Microsoft.Web/sites@2022-09-01' existing = {
  name: 'app-quotes'
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
