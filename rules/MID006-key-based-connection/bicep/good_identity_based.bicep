param planId string
param storageId string
param deployLegacy bool = false

// a MongoDB account takes keys only
resource mongo 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: 'cosmos-mongo'
  location: resourceGroup().location
  kind: 'MongoDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      { locationName: resourceGroup().location }
    ]
  }
}

resource appi 'Microsoft.Insights/components@2020-02-02' existing = {
  name: 'appi-orders'
}

resource func 'Microsoft.Web/sites@2023-12-01' = {
  name: 'func-orders'
  location: resourceGroup().location
  kind: 'functionapp'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: planId
    siteConfig: {
      appSettings: [
        { name: 'ServiceBusConnection__fullyQualifiedNamespace', value: 'sb-orders.servicebus.windows.net' }
        { name: 'AzureWebJobsStorage__accountName', value: 'stordersfunc' }
        { name: 'MongoConnection', value: mongo.listConnectionStrings().connectionStrings[0].connectionString }
        // an account known only by an ID parameter: its service is not known
        { name: 'ArchiveKey', value: listKeys(storageId, '2023-01-01').keys[0].value }
        { name: 'Insights', value: appi.properties.ConnectionString }
      ]
    }
  }
}

// not deployed: the condition's parameter defaults to false
resource legacy 'Microsoft.Web/sites@2023-12-01' = if (deployLegacy) {
  name: 'app-legacy'
  location: resourceGroup().location
  properties: {
    serverFarmId: planId
    siteConfig: {
      appSettings: [
        {
          name: 'ServiceBusConnection'
          value: listKeys(resourceId('Microsoft.ServiceBus/namespaces/AuthorizationRules', 'sb-orders', 'RootManageSharedAccessKey'), '2022-10-01-preview').primaryConnectionString
        }
      ]
    }
  }
}

resource share 'Microsoft.Storage/storageAccounts@2023-01-01' existing = {
  name: 'stshare'
}

// an Azure Files volume takes the account key only
resource aci 'Microsoft.ContainerInstance/containerGroups@2023-05-01' = {
  name: 'aci-share'
  location: resourceGroup().location
  identity: { type: 'SystemAssigned' }
  properties: {
    osType: 'Linux'
    containers: [
      {
        name: 'app'
        properties: {
          image: 'mcr.microsoft.com/azuredocs/aci-helloworld'
          resources: { requests: { cpu: 1, memoryInGB: 1 } }
          volumeMounts: [
            { name: 'share', mountPath: '/mnt/share' }
          ]
        }
      }
    ]
    volumes: [
      {
        name: 'share'
        azureFile: {
          shareName: 'data'
          storageAccountName: share.name
          storageAccountKey: share.listKeys().keys[0].value
        }
      }
    ]
  }
}
