// The module's secure parameter comes from Key Vault: nothing is written in the code.
param location string = resourceGroup().location

resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-orders'
}

module workflows './logic.bicep' = {
  name: 'orders-workflows'
  params: {
    location: location
    partnerApiToken: kv.getSecret('partner-api-token')
  }
}
