param appName string = 'orders'
param planId string

var storageName = 'st${appName}'

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: 'cosmos-${appName}'
  location: resourceGroup().location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      { locationName: resourceGroup().location }
    ]
  }
}

resource sb 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' existing = {
  name: 'sb-${appName}'
}

resource rootRule 'Microsoft.ServiceBus/namespaces/AuthorizationRules@2022-10-01-preview' existing = {
  parent: sb
  name: 'RootManageSharedAccessKey'
}

resource st 'Microsoft.Storage/storageAccounts@2023-01-01' existing = {
  name: storageName
}

resource redis 'Microsoft.Cache/redis@2023-08-01' existing = {
  name: appName
}

resource func 'Microsoft.Web/sites@2023-12-01' = {
  name: 'func-${appName}'
  location: resourceGroup().location
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: planId
    siteConfig: {
      appSettings: [
        {
          name: 'ServiceBusConnection'
          value: rootRule.listKeys().primaryConnectionString
        }
        {
          name: 'CosmosKey'
          value: cosmos.listKeys().primaryMasterKey
        }
        // MID007's, and the content share takes keys only: not reported here
        {
          name: 'AzureWebJobsStorage'
          value: 'DefaultEndpointsProtocol=https;AccountName=${storageName};AccountKey=${st.listKeys().keys[0].value}'
        }
        {
          name: 'WEBSITE_CONTENTAZUREFILECONNECTIONSTRING'
          value: 'DefaultEndpointsProtocol=https;AccountName=${storageName};AccountKey=${st.listKeys().keys[0].value}'
        }
      ]
      connectionStrings: [
        {
          name: 'Redis'
          type: 'Custom'
          connectionString: '${appName}.redis.cache.windows.net:6380,password=${redis.listKeys().primaryKey},ssl=True'
        }
      ]
    }
  }
}

resource vm 'Microsoft.Compute/virtualMachines@2024-03-01' existing = {
  name: 'vm-${appName}'
}

// a storage key passed to a custom script
resource fetch 'Microsoft.Compute/virtualMachines/extensions@2024-03-01' = {
  parent: vm
  name: 'fetch'
  location: resourceGroup().location
  properties: {
    publisher: 'Microsoft.Azure.Extensions'
    type: 'CustomScript'
    typeHandlerVersion: '2.1'
    protectedSettings: {
      commandToExecute: './fetch.sh ${storageName} ${st.listKeys().keys[0].value}'
    }
  }
}
