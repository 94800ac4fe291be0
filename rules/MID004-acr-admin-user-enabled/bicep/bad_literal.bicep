// a registry for the build agents
param registryName string = 'contosobuildacr'
param enableAdmin bool = true
param regions array = [
  'westeurope'
  'northeurope'
  'swedencentral'
]

resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: registryName
  location: resourceGroup().location
  sku: { name: 'Standard' }
  properties: {
    /* TODO: switch the agents to a managed identity
       and turn this off. */
    adminUserEnabled: true // needed by the legacy docker login step
    publicNetworkAccess: 'Enabled'
  }
}

// via the parameter default: at the property, not at the default
resource cacheAcr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: '${registryName}cache'
  location: resourceGroup().location
  sku: { name: 'Premium' }
  properties: {
    adminUserEnabled: enableAdmin
  }
}

// one registry per region: reported once
resource regional 'Microsoft.ContainerRegistry/registries@2023-07-01' = [for region in regions: {
  name: '${registryName}${region}'
  location: region
  sku: { name: 'Premium' }
  properties: {
    adminUserEnabled: true
  }
}]
