using './main.bicep'

param vmSpec = {
  adminUsername: 'azureuser'
  adminPassword: 'Winter2026!'
}
