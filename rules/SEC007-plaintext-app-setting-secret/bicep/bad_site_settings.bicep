// Orders function app and its staging slot.
param location string = resourceGroup().location

var storageName = 'stordersprod'

resource st 'Microsoft.Storage/storageAccounts@2023-01-01' existing = {
  name: storageName
}

resource sb 'Microsoft.ServiceBus/namespaces@2021-11-01' existing = {
  name: 'sb-orders'
}

resource rootRule 'Microsoft.ServiceBus/namespaces/authorizationRules@2021-11-01' existing = {
  parent: sb
  name: 'RootManageSharedAccessKey'
}

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' existing = {
  name: 'cosmos-orders'
}

resource func 'Microsoft.Web/sites@2023-12-01' = {
  name: 'func-orders'
  location: location
  kind: 'functionapp'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: resourceId('Microsoft.Web/serverfarms', 'asp-orders')
    siteConfig: {
      appSettings: [
        {
          name: 'AzureWebJobsStorage'
          value: 'DefaultEndpointsProtocol=https;AccountName=${st.name};AccountKey=${st.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
        }
        {
          name: 'ServiceBusConnection'
          value: rootRule.listKeys().primaryConnectionString
        }
        { name: 'FUNCTIONS_EXTENSION_VERSION', value: '~4' }
        { name: 'PAYMENT_API_KEY', value: 'pk-7f3c9a1e5b2d4f6a8c0e' } // from the partner portal
        { name: 'SMTP_PASSWORD', value: 'Mailer#2024' }
      ]
      connectionStrings: [
        {
          name: 'Cosmos'
          connectionString: cosmos.listConnectionStrings().connectionStrings[0].connectionString
          type: 'Custom'
        }
      ]
    }
  }

  // deployment slot, nested child: a literal secret-named setting
  resource staging 'slots' = {
    name: 'staging'
    location: location
    kind: 'functionapp'
    properties: {
      serverFarmId: resourceId('Microsoft.Web/serverfarms', 'asp-orders')
      siteConfig: {
        appSettings: [
          { name: 'JWT_SIGNING_SECRET', value: 'orders-staging-signing-secret' }
        ]
      }
    }
  }
}
