// The module's secure parameter is read from Key Vault at deployment time.
param location string = resourceGroup().location
param keyVaultName string = 'kv-orders'
param secretName string = 'sql-admin-password'

resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

module sql './sql.bicep' = {
  name: 'orders-sql'
  params: {
    location: location
    administratorLoginPassword: kv.getSecret(secretName)
  }
}
