using './main.bicep'

param adminPassword = az.getSecret('00000000-0000-0000-0000-000000000000', 'rg-secrets', 'kv-reports', 'vm-admin-password')
param disablePasswordAuthentication = false
