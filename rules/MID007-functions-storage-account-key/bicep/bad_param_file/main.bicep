param planId string

@secure()
param storageConnection string

resource func 'Microsoft.Web/sites@2023-12-01' = {
  name: 'func-telemetry'
  location: resourceGroup().location
  kind: 'functionapp'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: planId
    siteConfig: {
      appSettings: [
        {
          name: 'AzureWebJobsStorage'
          value: storageConnection
        }
      ]
    }
  }
}
