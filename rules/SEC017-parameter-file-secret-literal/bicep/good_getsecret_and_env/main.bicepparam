using './main.bicep'

// read at deployment time: neither is a literal in the repository
param sqlAdminPassword = az.getSecret('00000000-0000-0000-0000-000000000000', 'rg-secrets', 'kv-orders', 'sql-admin-password')
param partnerApiToken = readEnvironmentVariable('PARTNER_API_TOKEN')
