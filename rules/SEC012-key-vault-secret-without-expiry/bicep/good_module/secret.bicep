param secretName string
@secure()
param secretValue string
param expiresOn int

resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-orders'
}

resource secret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: kv
  name: secretName
  properties: {
    value: secretValue
    attributes: {
      exp: expiresOn
    }
  }
}
