// `for` over blue and green slots declared inside the site body: reported once
param slotNames array = [
  'blue'
  'green'
]

resource site 'Microsoft.Web/sites@2022-09-01' = {
  name: 'app-quotes'
  location: resourceGroup().location
  properties: {}

  resource slots 'slots' = [for s in slotNames: {
    name: s
    location: resourceGroup().location
    identity: {
      type: 'SystemAssigned'
    }
    properties: {}
  }]
}

