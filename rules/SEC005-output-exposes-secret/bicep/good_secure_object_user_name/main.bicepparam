using './main.bicep'

param vmSpec = {
  adminUsername: 'azureuser'
  computerName: 'vm-orders-01'
  adminPassword: readEnvironmentVariable('VM_ADMIN_PASSWORD')
}
