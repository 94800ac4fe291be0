param environmentId string

resource uami 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-orders'
  location: resourceGroup().location
}

resource uami2 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-orders-2'
  location: resourceGroup().location
}

resource st 'Microsoft.Storage/storageAccounts@2023-01-01' existing = {
  name: 'storders'
}

// system + user-assigned, the user-assigned identity gets a data role, no selector: at the type string
resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-orders'
  location: resourceGroup().location
  identity: {
    type: 'SystemAssigned, UserAssigned'
    userAssignedIdentities: {
      '${uami.id}': {}
    }
  }
  properties: {
    siteConfig: {
      appSettings: [
        { name: 'Storage__blobServiceUri', value: st.properties.primaryEndpoints.blob }
      ]
    }
  }
}

resource blobReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(st.id, uami.id, 'blob-reader')
  scope: st
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1')
    principalId: uami.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// a container app with two user-assigned identities and no AZURE_CLIENT_ID in its env
resource worker 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'worker'
  location: resourceGroup().location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${uami.id}': {}
      '${uami2.id}': {}
    }
  }
  properties: {
    environmentId: environmentId
    template: {
      containers: [
        {
          name: 'worker'
          image: 'mcr.microsoft.com/k8se/quickstart:latest'
        }
      ]
    }
  }
}
