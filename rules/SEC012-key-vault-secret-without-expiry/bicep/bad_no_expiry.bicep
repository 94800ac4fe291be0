@secure()
param partnerSecret string
param secretNames array = [
  'orders-api'
  'billing-api'
]

resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-orders'

  // nested child without attributes.exp
  resource partner 'secrets' = {
    name: 'partner-secret'
    properties: {
      value: partnerSecret
    }
  }
}

// `parent:` with attributes but no exp
resource enabledOnly 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: kv
  name: 'enabled-only'
  properties: {
    value: partnerSecret
    attributes: {
      enabled: true
    }
  }
}

// a `for` loop: reported once
resource apiSecrets 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [for n in secretNames: {
  parent: kv
  name: n
  properties: {
    value: partnerSecret
  }
}]
