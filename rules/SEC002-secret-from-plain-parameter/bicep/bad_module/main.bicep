// a secure value passed into the module's plain parameter: reported inside the module
@secure()
param vmAdminPassword string

module vm './vm.bicep' = {
  name: 'orders-vm'
  params: {
    adminPassword: vmAdminPassword
  }
}
