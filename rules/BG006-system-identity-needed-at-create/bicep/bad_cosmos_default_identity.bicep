// Cosmos DB customer-managed key read with defaultIdentity 'SystemAssignedIdentity': the identity does not exist yet
param keyUri string = 'https://kv-profiles.vault.azure.net/keys/cosmos-cmk'

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: 'cosmos-profiles'
  location: resourceGroup().location
  kind: 'GlobalDocumentDB'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    databaseAccountOfferType: 'Standard'
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    keyVaultKeyUri: keyUri
    defaultIdentity: 'SystemAssignedIdentity'
    locations: [
      {
        locationName: resourceGroup().location
        failoverPriority: 0
      }
    ]
  }
}
