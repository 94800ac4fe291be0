// Outputs are kept in the deployment history of the resource group.
param storageName string = 'stordersprod'

@secure()
param adminPassword string

resource st 'Microsoft.Storage/storageAccounts@2023-01-01' existing = {
  name: storageName
}

resource sbRule 'Microsoft.ServiceBus/namespaces/authorizationRules@2021-11-01' existing = {
  name: 'sb-orders/RootManageSharedAccessKey'
}

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' existing = {
  name: 'cosmos-orders'
}

var sasProperties = {
  signedServices: 'b'
  signedPermission: 'rl'
  signedResourceTypes: 'co'
  signedExpiry: '2026-12-31T23:59:59Z'
}

output storageKey string = st.listKeys().keys[0].value

output storageConnectionString string = 'DefaultEndpointsProtocol=https;AccountName=${st.name};AccountKey=${st.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'

output releaseSasUrl string = '${st.properties.primaryEndpoints.blob}releases?${st.listAccountSas('2023-01-01', sasProperties).accountSasToken}'

// handed back to the pipeline "for convenience"
output adminPassword string = adminPassword

output serviceBus object = {
  endpoint: 'https://sb-orders.servicebus.windows.net:443/'
  connectionString: sbRule.listKeys().primaryConnectionString
}

output cosmosKeys object = cosmos.listKeys()
