// a plain root parameter passed into the module's @secure() parameter: the module is judged, and it is secure
param vmAdminPassword string

module vm './vm.bicep' = {
  name: 'orders-vm'
  params: {
    adminPassword: vmAdminPassword
  }
}
