param location string = resourceGroup().location

resource uami 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-orders'
  location: location
}

resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-orders'
}

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-orders'
  location: location
  identity: {
    type: 'SystemAssigned, UserAssigned'
    userAssignedIdentities: {
      '${uami.id}': {}
    }
  }
  properties: {
    // takes the resource ID, given the client ID
    keyVaultReferenceIdentity: uami.properties.clientId
    siteConfig: {
      // takes the client ID, given the principal ID
      acrUserManagedIdentityID: uami.properties.principalId
      appSettings: [
        { name: 'AZURE_CLIENT_ID', value: uami.properties.principalId }
        { name: 'Storage__clientId', value: uami.id }
      ]
    }
  }
}

// role assignment principalId given the client ID
resource ra 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, uami.id, 'reader')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')
    principalId: uami.properties.clientId
    principalType: 'ServicePrincipal'
  }
}

// access policy objectId given the identity's resource ID
resource policies 'Microsoft.KeyVault/vaults/accessPolicies@2023-07-01' = {
  parent: kv
  name: 'add'
  properties: {
    accessPolicies: [
      {
        tenantId: subscription().tenantId
        objectId: uami.id
        permissions: { secrets: [ 'get' ] }
      }
    ]
  }
}
