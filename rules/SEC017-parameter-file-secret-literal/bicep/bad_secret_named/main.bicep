// plain string parameters with secret-like names
param siteName string
param keyVaultName string
param sshPublicKey string
param tokenLifetime string = 'PT1H'
param partnerApiToken string
param storageAccountKey string

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: siteName
  location: resourceGroup().location
  identity: { type: 'SystemAssigned' }
  properties: {
    siteConfig: {
      appSettings: [
        { name: 'KEY_VAULT', value: keyVaultName }
        { name: 'SSH_KEY', value: sshPublicKey }
        { name: 'TOKEN_LIFETIME', value: tokenLifetime }
        { name: 'PARTNER_API_TOKEN', value: partnerApiToken }
        { name: 'STORAGE_ACCOUNT_KEY', value: storageAccountKey }
      ]
    }
  }
}
