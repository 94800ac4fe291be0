@secure()
param serviceBusConnection string

resource app 'Microsoft.Web/sites@2023-12-01' existing = {
  name: 'app-orders-api'
}

resource connections 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: app
  name: 'connectionstrings'
  properties: {
    ServiceBus: {
      value: serviceBusConnection
      type: 'Custom'
    }
  }
}
