// Container app secret read from Key Vault with identity 'system' at creation
param environmentId string = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-env/providers/Microsoft.App/managedEnvironments/cae-shop'

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'ca-orders'
  location: resourceGroup().location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    environmentId: environmentId
    configuration: {
      secrets: [
        {
          name: 'db-password'
          keyVaultUrl: 'https://kv-orders.vault.azure.net/secrets/db-password'
          identity: 'system'
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'orders'
          image: 'mcr.microsoft.com/k8se/quickstart:latest'
        }
      ]
    }
  }
}
