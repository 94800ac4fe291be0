// the caller passes None over the module's default SystemAssigned: the finding is in the module file
module factory './factory.bicep' = {
  name: 'orders-factory'
  params: {
    identityType: 'None'
  }
}
