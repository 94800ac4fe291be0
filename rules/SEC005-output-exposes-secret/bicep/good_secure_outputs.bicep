param storageName string = 'stordersprod'

@secure()
param adminPassword string

param adminUsername string = 'azureuser'

resource st 'Microsoft.Storage/storageAccounts@2023-01-01' existing = {
  name: storageName
}

// @secure() outputs are not kept in the deployment history
@secure()
output storageKey string = st.listKeys().keys[0].value

@secure()
output adminCredentials object = {
  username: adminUsername
  password: adminPassword
}

output storageId string = st.id
output blobEndpoint string = st.properties.primaryEndpoints.blob
output adminUser string = adminUsername
output adminPasswordSecretName string = 'vm-admin-password'
output keyVaultSecretUri string = 'https://kv-orders.vault.azure.net/secrets/vm-admin-password'
