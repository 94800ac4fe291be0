// `for` over blue and green slots, each system-assigned: reported once
param location string = resourceGroup().location
param slotNames array = [
  'blue'
  'green'
]

resource site 'Microsoft.Web/sites@2022-09-01' existing = {
  name: 'app-quotes'
}

resource slots 'Microsoft.Web/sites/slots@2022-09-01' = [for s in slotNames: {
  parent: site
  name: s
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {}
}]
