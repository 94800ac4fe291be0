// Azurite's documented development key and placeholders are not secrets
var devStorage = 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;'

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-orders-dev'
  location: resourceGroup().location
  properties: {
    siteConfig: {
      appSettings: [
        { name: 'DevStorage', value: devStorage }
        { name: 'ServiceBus', value: 'Endpoint=sb://sb-orders.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=<your-key>' }
        { name: 'Sql', value: 'Server=tcp:sql-orders.database.windows.net;Database=orders;Authentication=Active Directory Default;' }
      ]
    }
  }
}
