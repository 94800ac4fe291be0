param planId string
param apps array = [
  'orders'
  'billing'
]

resource st 'Microsoft.Storage/storageAccounts@2023-01-01' existing = {
  name: 'stshared'
}

resource evhns 'Microsoft.EventHub/namespaces@2024-01-01' existing = {
  name: 'evhns-shared'
}

resource evhRule 'Microsoft.EventHub/namespaces/authorizationRules@2024-01-01' existing = {
  parent: evhns
  name: 'listen'
}

// one app per name, each with a queue key: reported once
resource sites 'Microsoft.Web/sites@2023-12-01' = [for app in apps: {
  name: 'app-${app}'
  location: resourceGroup().location
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: planId
    siteConfig: {
      appSettings: [
        {
          name: 'QueueConnection'
          value: 'DefaultEndpointsProtocol=https;AccountName=${st.name};AccountKey=${st.listKeys().keys[0].value}'
        }
      ]
    }
  }
}]

// sites/config connection strings in object form, one per app: the setting's key
resource connections 'Microsoft.Web/sites/config@2023-12-01' = [for (app, i) in apps: {
  parent: sites[i]
  name: 'connectionstrings'
  properties: {
    Telemetry: {
      value: evhRule.listKeys().primaryConnectionString
      type: 'Custom'
    }
  }
}]
