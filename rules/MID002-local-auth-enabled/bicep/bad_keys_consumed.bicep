// high where a workload of the template holds the keys; the Event Hubs namespace nobody reads keys from stays medium
param appName string = 'app-orders'

resource sb 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: 'sb-${appName}'
  location: resourceGroup().location
  sku: { name: 'Standard', tier: 'Standard' }
  properties: {
    minimumTlsVersion: '1.2'
  }

  resource sender 'authorizationRules' = {
    name: 'orders-sender'
    properties: {
      rights: [ 'Send' ]
    }
  }
}

resource evhns 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: 'evhns-${appName}'
  location: resourceGroup().location
  sku: { name: 'Standard', tier: 'Standard' }
  properties: {
    disableLocalAuth: false
  }
}

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: appName
  location: resourceGroup().location
  kind: 'app,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    siteConfig: {
      appSettings: [
        {
          name: 'ServiceBusConnection'
          value: listKeys(sb::sender.id, '2022-10-01-preview').primaryConnectionString
        }
      ]
    }
  }
}
