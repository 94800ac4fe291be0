// the module keeps its identity: the caller passes SystemAssigned,UserAssigned
resource uami 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-orders-factory'
  location: resourceGroup().location
}

module factory './factory.bicep' = {
  name: 'orders-factory'
  params: {
    identityType: 'SystemAssigned'
  }
}
