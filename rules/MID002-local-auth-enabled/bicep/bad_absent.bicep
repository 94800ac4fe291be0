// services without disableLocalAuth: the service default keeps keys and SAS on, at each `resource` type string
param location string = resourceGroup().location

resource evhns 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: 'evhns-contoso'
  location: location
  sku: { name: 'Standard', tier: 'Standard' }
}

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: 'cosmos-contoso'
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      { locationName: 'westeurope', failoverPriority: 0 }
    ]
  }
}

resource oai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'oai-contoso'
  location: location
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'oai-contoso'
  }
}

resource appcs 'Microsoft.AppConfiguration/configurationStores@2024-05-01' = {
  name: 'appcs-contoso'
  location: location
  sku: { name: 'standard' }
}

resource search 'Microsoft.Search/searchServices@2024-06-01-preview' = {
  name: 'srch-contoso'
  location: location
  sku: { name: 'basic' }
}

resource appi 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-contoso'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
  }
}

resource topic 'Microsoft.EventGrid/topics@2024-06-01-preview' = {
  name: 'evgt-contoso'
  location: location
}

resource signalr 'Microsoft.SignalRService/signalR@2024-03-01' = {
  name: 'sigr-contoso'
  location: location
  sku: { name: 'Standard_S1', capacity: 1 }
}
