@secure()
param partnerSecret string
param baseTime string = utcNow('u')

resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-orders'

  resource partner 'secrets' = {
    name: 'partner-secret'
    properties: {
      value: partnerSecret
      attributes: {
        exp: dateTimeToEpoch(dateTimeAdd(baseTime, 'P90D'))
      }
    }
  }
}

resource fixed 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: kv
  name: 'fixed-expiry'
  properties: {
    value: partnerSecret
    attributes: {
      exp: 1924905600
    }
  }
}

// keys have their own rotation policy
resource key 'Microsoft.KeyVault/vaults/keys@2023-07-01' = {
  parent: kv
  name: 'cmk'
  properties: {
    kty: 'RSA'
    keySize: 3072
  }
}

// never created
resource legacy 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (false) {
  parent: kv
  name: 'legacy'
  properties: {
    value: partnerSecret
  }
}
