// the caller passes true over the module's own default false: in the module file
module storage './storage.bicep' = {
  name: 'orders-storage'
  params: {
    allowSharedKeyAccess: true
  }
}
