// Key Vault Secrets User scoped to a vault (`scope: kv`) that is not in RBAC mode
param location string = resourceGroup().location
param principalId string = '11111111-1111-1111-1111-111111111111'

resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-shop'
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    accessPolicies: []
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(kv.id, principalId, 'secrets-user')
  scope: kv
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}
