// A slot without an identity
param location string = resourceGroup().location

resource site 'Microsoft.Web/sites@2022-09-01' existing = {
  name: 'app-quotes'
}

resource staging 'Microsoft.Web/sites/slots@2022-09-01' = {
  parent: site
  name: 'staging'
  location: location
  properties: {}
}
