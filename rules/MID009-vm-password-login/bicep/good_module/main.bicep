// the caller keeps password login off
@secure()
param adminPassword string

module vm './linux-vm.bicep' = {
  name: 'orders-vm'
  params: {
    adminPassword: adminPassword
    disablePasswordAuthentication: true
  }
}
