// Cosmos DB customer-managed key read by a user-assigned identity that exists before the account
param keyUri string = 'https://kv-profiles.vault.azure.net/keys/cosmos-cmk'

resource cmkIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-cosmos-cmk'
  location: resourceGroup().location
}

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: 'cosmos-profiles'
  location: resourceGroup().location
  kind: 'GlobalDocumentDB'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${cmkIdentity.id}': {}
    }
  }
  properties: {
    databaseAccountOfferType: 'Standard'
    disableLocalAuth: true
    keyVaultKeyUri: keyUri
    defaultIdentity: 'UserAssignedIdentity=${cmkIdentity.id}'
    locations: [
      {
        locationName: resourceGroup().location
        failoverPriority: 0
      }
    ]
  }
}
