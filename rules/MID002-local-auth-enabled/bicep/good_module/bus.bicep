param disableLocalAuth bool = true

resource sb 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: 'sb-orders-mod'
  location: resourceGroup().location
  sku: { name: 'Standard', tier: 'Standard' }
  properties: {
    disableLocalAuth: disableLocalAuth
  }
}
