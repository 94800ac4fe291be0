@secure()
param spSecret string

resource st 'Microsoft.Storage/storageAccounts@2023-01-01' existing = {
  name: 'stlake'
}

resource factory 'Microsoft.DataFactory/factories@2018-06-01' = {
  name: 'adf-contoso'
  location: resourceGroup().location
  identity: { type: 'SystemAssigned' }
  properties: {}

  // a Kusto servicePrincipalKey from a secure parameter: the linked service still stores a copy
  resource telemetry 'linkedservices' = {
    name: 'Telemetry'
    properties: {
      type: 'AzureDataExplorer'
      typeProperties: {
        endpoint: 'https://adx-contoso.westeurope.kusto.windows.net'
        database: 'telemetry'
        servicePrincipalId: '11111111-2222-3333-4444-555555555555'
        servicePrincipalKey: {
          type: 'SecureString'
          value: spSecret
        }
        tenant: subscription().tenantId
      }
    }
  }
}

// `parent:`: a storage connection string with st.listKeys()
resource lake 'Microsoft.DataFactory/factories/linkedservices@2018-06-01' = {
  parent: factory
  name: 'Lake'
  properties: {
    type: 'AzureBlobStorage'
    typeProperties: {
      connectionString: 'DefaultEndpointsProtocol=https;AccountName=${st.name};AccountKey=${st.listKeys().keys[0].value}'
    }
  }
}
