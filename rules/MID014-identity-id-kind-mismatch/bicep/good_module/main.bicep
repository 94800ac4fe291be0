// the caller passes each ID where it belongs
resource uami 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-orders'
  location: resourceGroup().location
}

module app './app.bicep' = {
  name: 'orders-app'
  params: {
    identityId: uami.id
    identityClientId: uami.properties.clientId
  }
}
