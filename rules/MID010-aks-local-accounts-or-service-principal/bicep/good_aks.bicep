param localAccountsOff bool

resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aks-orders'
  location: resourceGroup().location
  identity: { type: 'SystemAssigned' }
  properties: {
    dnsPrefix: 'aks-orders'
    disableLocalAccounts: true
    servicePrincipalProfile: {
      clientId: 'msi'
    }
  }
}

// AKS Automatic: local accounts cannot be turned on
resource automatic 'Microsoft.ContainerService/managedClusters@2024-03-02-preview' = {
  name: 'aks-auto'
  location: resourceGroup().location
  sku: { name: 'Automatic', tier: 'Standard' }
  identity: { type: 'SystemAssigned' }
  properties: {}
}

// no default: unknown
resource fromInput 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aks-input'
  location: resourceGroup().location
  identity: { type: 'SystemAssigned' }
  properties: {
    dnsPrefix: 'aks-input'
    disableLocalAccounts: localAccountsOff
  }
}
