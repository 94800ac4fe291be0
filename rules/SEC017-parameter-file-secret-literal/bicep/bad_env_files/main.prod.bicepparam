using './main.bicep'

param sqlAdminPassword = az.getSecret('00000000-0000-0000-0000-000000000000', 'rg-secrets', 'kv-orders', 'sql-admin-password')
