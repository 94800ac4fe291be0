// the module's connection setting is a Key Vault reference
param planId string

module func './func.bicep' = {
  name: 'telemetry-func'
  params: {
    planId: planId
    storageConnection: '@Microsoft.KeyVault(SecretUri=https://kv-telemetry.vault.azure.net/secrets/AzureWebJobsStorage/)'
  }
}
