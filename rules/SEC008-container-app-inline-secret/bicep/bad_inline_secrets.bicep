@secure()
param partnerToken string
param secretNames array = [
  'orders-a'
  'orders-b'
]

resource law 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: 'law-orders'
}

resource st 'Microsoft.Storage/storageAccounts@2023-01-01' existing = {
  name: 'stshare'
}

resource env 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: 'cae-orders'
  location: resourceGroup().location
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: law.properties.customerId
        sharedKey: law.listKeys().primarySharedKey
      }
    }
  }

  resource share 'storages' = {
    name: 'share'
    properties: {
      azureFile: {
        accountName: st.name
        accountKey: st.listKeys().keys[0].value
        shareName: 'data'
        accessMode: 'ReadWrite'
      }
    }
  }
}

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'ca-orders'
  location: resourceGroup().location
  identity: { type: 'SystemAssigned' }
  properties: {
    environmentId: env.id
    configuration: {
      secrets: [
        { name: 'partner-token', value: partnerToken }
        {
          name: 'from-vault'
          keyVaultUrl: 'https://kv-orders.vault.azure.net/secrets/from-vault'
          identity: 'system'
        }
      ]
    }
    template: {
      containers: [
        { name: 'api', image: 'mcr.microsoft.com/k8se/quickstart:latest' }
      ]
    }
  }
}

// a property loop over secret names: reported once, at the `value` of the loop body
resource worker 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'ca-worker'
  location: resourceGroup().location
  identity: { type: 'SystemAssigned' }
  properties: {
    environmentId: env.id
    configuration: {
      secrets: [for n in secretNames: {
        name: n
        value: partnerToken
      }]
    }
    template: {
      containers: [
        { name: 'worker', image: 'mcr.microsoft.com/k8se/quickstart:latest' }
      ]
    }
  }
}
