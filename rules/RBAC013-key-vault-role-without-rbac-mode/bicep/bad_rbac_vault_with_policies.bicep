// An RBAC vault with a non-empty accessPolicies list (at its key), and a nested
// accessPolicies child resource on the same vault (at its accessPolicies key)
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
    enableRbacAuthorization: true
    accessPolicies: [
      {
        tenantId: subscription().tenantId
        objectId: principalId
        permissions: {
          secrets: [
            'get'
          ]
        }
      }
    ]
  }

  resource add 'accessPolicies' = {
    name: 'add'
    properties: {
      accessPolicies: [
        {
          tenantId: subscription().tenantId
          objectId: principalId
          permissions: {
            secrets: [
              'list'
            ]
          }
        }
      ]
    }
  }
}
