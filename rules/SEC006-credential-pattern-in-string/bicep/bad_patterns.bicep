// Orders API: App Service with storage, SQL and Service Bus.
// Pipeline service principal secret before the move to OIDC: G523Q~XywrX45T3~1kqm2DhCMZxVyuqTD4bttbuv
param location string = resourceGroup().location

var storageConnection = 'DefaultEndpointsProtocol=https;AccountName=stordersprod;AccountKey=CEne8e7rRjBH9qbbj/hxoUw32JmYGHFSwjOJzqGV2+dL2tbYDKHwCL5f8SjpiMcG+rQpAg7vakwWQm0yE6Skbg==;EndpointSuffix=core.windows.net'

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-orders-api'
  location: location
  tags: {
    owner: 'orders-team'
    'smoke-test-token': 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL29yZGVycy5jb250b3NvLmV4YW1wbGUiLCJzdWIiOiJidWlsZC1hZ2VudCIsImF1ZCI6Im9yZGVycy1hcGkiLCJleHAiOjE3NjcyMjU2MDB9.1SJjhgV0Zo1NUtD4AiTgPBj8dTNw8eyzhb6u5NaxqJs'
  }
  properties: {
    serverFarmId: resourceId('Microsoft.Web/serverfarms', 'asp-orders')
    siteConfig: {
      appSettings: [
        { name: 'AzureWebJobsStorage', value: storageConnection }
        { name: 'ReportsStorage', value: storageConnection }
      ]
      connectionStrings: [
        {
          name: 'Orders'
          connectionString: 'Server=tcp:sql-orders-prod.database.windows.net,1433;Initial Catalog=orders;User ID=orders_app;Password=Winter2024!Orders;Encrypt=True;'
          type: 'SQLAzure'
        }
        {
          name: 'ServiceBus'
          connectionString: 'Endpoint=sb://sb-orders.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=u9qEkcNjVbXU5li46IrH6box748wEvF+VfZzsXi9690='
          type: 'Custom'
        }
      ]
    }
  }
}
