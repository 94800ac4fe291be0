// the caller passes the principal ID where the module's app setting wants the client ID: in the module file
resource uami 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-orders'
  location: resourceGroup().location
}

module app './app.bicep' = {
  name: 'orders-app'
  params: {
    identityId: uami.id
    identityClientId: uami.properties.principalId
  }
}
