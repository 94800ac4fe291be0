// Logic App Standard in a module; the caller passes a literal to the module's secure parameter
param location string = resourceGroup().location

module workflows './logic.bicep' = {
  name: 'orders-workflows'
  params: {
    location: location
    partnerApiToken: 'partner-token-for-orders-2024'
  }
}
