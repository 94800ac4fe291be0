// absent is fine: the service default is disabled
param location string = resourceGroup().location
// no default: unknown, not reported
param adminUserEnabled bool

resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acr${uniqueString(resourceGroup().id)}'
  location: location
  sku: { name: 'Standard' }
}

resource acrOff 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acroff${uniqueString(resourceGroup().id)}'
  location: location
  sku: { name: 'Standard' }
  properties: {
    adminUserEnabled: false
  }
}

resource acrInput 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrin${uniqueString(resourceGroup().id)}'
  location: location
  sku: { name: 'Standard' }
  properties: {
    adminUserEnabled: adminUserEnabled
  }
}

// never deployed
resource legacy 'Microsoft.ContainerRegistry/registries@2023-07-01' = if (false) {
  name: 'acrlegacy'
  location: location
  sku: { name: 'Basic' }
  properties: {
    adminUserEnabled: true
  }
}
