// the caller passes true over the module's own default false: in the module file
module registry './registry.bicep' = {
  name: 'orders-registry'
  params: {
    acrAdminUserEnabled: true
  }
}
