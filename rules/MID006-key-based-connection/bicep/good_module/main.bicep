// the connection string comes from Key Vault, not from the namespace's keys
param planId string

resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-telemetry'
}

module app './app.bicep' = {
  name: 'telemetry-app'
  params: {
    planId: planId
    eventHubConnection: kv.getSecret('eventhub-connection')
  }
}
