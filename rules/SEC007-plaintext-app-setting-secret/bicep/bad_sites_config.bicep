// sites/config in object form, on an existing app: the setting's key
param appName string = 'app-orders'
param storageName string = 'stordersprod'

resource app 'Microsoft.Web/sites@2023-12-01' existing = {
  name: appName
}

resource st 'Microsoft.Storage/storageAccounts@2023-01-01' existing = {
  name: storageName
}

resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: app
  name: 'appsettings'
  properties: {
    AzureWebJobsStorage: 'DefaultEndpointsProtocol=https;AccountName=${storageName};AccountKey=${st.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
    PARTNER_CLIENT_SECRET: 'partner-portal-secret-2024'
    FUNCTIONS_WORKER_RUNTIME: 'dotnet-isolated'
  }
}

resource connectionStrings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: app
  name: 'connectionstrings'
  properties: {
    Reports: {
      value: 'DefaultEndpointsProtocol=https;AccountName=${storageName};AccountKey=${st.listKeys().keys[1].value}'
      type: 'Custom'
    }
  }
}
