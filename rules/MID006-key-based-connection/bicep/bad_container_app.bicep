param environmentId string

resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'stqueueworker'
  location: resourceGroup().location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
}

resource search 'Microsoft.Search/searchServices@2023-11-01' existing = {
  name: 'srch-catalog'
}

resource worker 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'queue-worker'
  location: resourceGroup().location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    environmentId: environmentId
    configuration: {
      secrets: [
        {
          name: 'queue-connection'
          value: 'DefaultEndpointsProtocol=https;AccountName=${st.name};AccountKey=${st.listKeys().keys[0].value}'
        }
        {
          name: 'search-key'
          value: search.listAdminKeys().primaryKey
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'worker'
          image: 'mcr.microsoft.com/k8se/quickstart:latest'
          env: [
            { name: 'QUEUE_CONNECTION', secretRef: 'queue-connection' }
          ]
        }
      ]
    }
  }
}
