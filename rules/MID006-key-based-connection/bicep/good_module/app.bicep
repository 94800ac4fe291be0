param planId string

@secure()
param eventHubConnection string

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-telemetry'
  location: resourceGroup().location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: planId
    siteConfig: {
      appSettings: [
        {
          name: 'EventHubConnection'
          value: eventHubConnection
        }
      ]
    }
  }
}
