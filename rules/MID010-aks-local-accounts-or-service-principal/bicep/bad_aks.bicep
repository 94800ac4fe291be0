@secure()
param spSecret string
param disableLocalAccounts bool = false

// local accounts absent (at the type string) and a service principal (at servicePrincipalProfile)
resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aks-orders'
  location: resourceGroup().location
  properties: {
    dnsPrefix: 'aks-orders'
    servicePrincipalProfile: {
      clientId: '0c3f1b2a-9d8e-4f7a-b6c5-d4e3f2a1b0c9'
      secret: spSecret
    }
  }
}

// false via the parameter default, in a loop: reported once
resource regional 'Microsoft.ContainerService/managedClusters@2024-02-01' = [for region in ['westeurope', 'northeurope']: {
  name: 'aks-orders-${region}'
  location: region
  identity: { type: 'SystemAssigned' }
  properties: {
    dnsPrefix: 'aks-orders-${region}'
    disableLocalAccounts: disableLocalAccounts
  }
}]
