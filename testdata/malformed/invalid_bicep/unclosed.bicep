param location string = 'westeurope'

resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acr'
  location: location
  properties: {
    adminUserEnabled: true
  
}
