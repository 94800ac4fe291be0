// the caller passes false over the module's own default true: in the module file
@secure()
param adminPassword string

module vm './linux-vm.bicep' = {
  name: 'orders-vm'
  params: {
    adminPassword: adminPassword
    disablePasswordAuthentication: false
  }
}
