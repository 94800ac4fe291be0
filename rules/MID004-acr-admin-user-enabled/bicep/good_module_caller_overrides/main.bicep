// the caller passes false: the module's registry keeps the admin user off
module registry './registry.bicep' = {
  name: 'orders-registry'
  params: {
    acrAdminUserEnabled: false
  }
}
