param acrAdminUserEnabled bool = true

resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acr${uniqueString(resourceGroup().id)}'
  location: resourceGroup().location
  sku: { name: 'Standard' }
  properties: {
    adminUserEnabled: acrAdminUserEnabled
  }
}
