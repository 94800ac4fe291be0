// the caller passes false: the module keeps shared key access off
module storage './storage.bicep' = {
  name: 'orders-storage'
  params: {
    allowSharedKeyAccess: false
  }
}
