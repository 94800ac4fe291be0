@secure()
param adminPassword string = 'P@ssw0rd1234!'
param location string = resourceGroup().location

resource stg 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'stg${uniqueString(resourceGroup().id)}'
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    allowSharedKeyAccess: true
  }
}

resource app 'Microsoft.Web/sites@2022-09-01' = {
  name: 'app1'
  location: location
  properties: {
    siteConfig: {
      appSettings: [
        {
          name: 'STORAGE'
          value: 'DefaultEndpointsProtocol=https;AccountName=${stg.name};AccountKey=${stg.listKeys().keys[0].value}'
        }
      ]
    }
  }
}

resource ra 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(subscription().id, 'owner')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '8e3af657-a8ff-443f-a75c-2fe8c4bcb635')
    principalId: app.identity.principalId
  }
}

output key string = stg.listKeys().keys[0].value
