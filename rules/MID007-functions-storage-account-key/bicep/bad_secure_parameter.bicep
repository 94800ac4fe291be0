// sites/config appsettings in object form: AccountKey= followed by a secure parameter
@secure()
param storageKey string

resource func 'Microsoft.Web/sites@2023-12-01' existing = {
  name: 'func-billing'
}

resource settings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: func
  name: 'appsettings'
  properties: {
    AzureWebJobsStorage: 'DefaultEndpointsProtocol=https;AccountName=stbilling;AccountKey=${storageKey}'
    FUNCTIONS_WORKER_RUNTIME: 'dotnet-isolated'
  }
}
