param location string = resourceGroup().location

// a plain parameter whose name ends in "key"
param sharedaccesskey string

// secure at the root: not reported
@secure()
param vmAdminPassword string

module vm './vm.bicep' = {
  name: 'orders-vm'
  params: {
    location: location
    adminPassword: vmAdminPassword
    sharedAccessKey: sharedaccesskey
  }
}
