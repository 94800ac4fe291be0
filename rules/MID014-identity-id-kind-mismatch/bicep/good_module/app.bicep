param identityId string
param identityClientId string

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-orders'
  location: resourceGroup().location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    siteConfig: {
      appSettings: [
        { name: 'AZURE_CLIENT_ID', value: identityClientId }
      ]
    }
  }
}
