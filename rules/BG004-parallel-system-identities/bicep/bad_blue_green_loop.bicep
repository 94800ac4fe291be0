// `for` over ['blue', 'green'] container apps, each system-assigned, each given Key Vault Secrets User
// on an existing vault through `apps[i]`: reported once
param environmentId string = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-env/providers/Microsoft.App/managedEnvironments/cae-search'

var colors = [
  'blue'
  'green'
]

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-search'
}

resource apps 'Microsoft.App/containerApps@2024-03-01' = [for color in colors: {
  name: 'ca-search-${color}'
  location: resourceGroup().location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    environmentId: environmentId
    template: {
      containers: [
        {
          name: 'search'
          image: 'mcr.microsoft.com/k8se/quickstart:latest'
        }
      ]
    }
  }
}]

resource secretsUsers 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for (color, i) in colors: {
  name: guid(vault.id, apps[i].id, '4633458b-17de-408a-b874-0445c86b69e6')
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
    principalId: apps[i].identity.principalId
    principalType: 'ServicePrincipal'
  }
}]
