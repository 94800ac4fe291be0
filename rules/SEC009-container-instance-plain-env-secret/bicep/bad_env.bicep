@secure()
param apiToken string

resource st 'Microsoft.Storage/storageAccounts@2023-01-01' existing = {
  name: 'stjobs'
}

resource aci 'Microsoft.ContainerInstance/containerGroups@2023-05-01' = {
  name: 'aci-jobs'
  location: resourceGroup().location
  identity: { type: 'SystemAssigned' }
  properties: {
    osType: 'Linux'
    containers: [
      {
        name: 'worker'
        properties: {
          image: 'mcr.microsoft.com/azuredocs/aci-helloworld'
          resources: { requests: { cpu: 1, memoryInGB: 1 } }
          environmentVariables: [
            // secret-like name, whatever the value
            { name: 'DB_PASSWORD', value: 'jobs-db-password' }
            // a secure parameter in a plain value
            {
              name: 'UPSTREAM'
              value: apiToken
            }
            // a service key
            { name: 'QUEUE', value: 'DefaultEndpointsProtocol=https;AccountName=${st.name};AccountKey=${st.listKeys().keys[0].value}' }
            { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }
          ]
        }
      }
    ]
  }
}
