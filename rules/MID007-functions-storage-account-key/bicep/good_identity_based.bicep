param planId string

// no value: unknown, not reported
@secure()
param storageConnection string
param deployLegacy bool = false

resource func 'Microsoft.Web/sites@2023-12-01' = {
  name: 'func-orders'
  location: resourceGroup().location
  kind: 'functionapp'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: planId
    siteConfig: {
      appSettings: [
        { name: 'AzureWebJobsStorage__accountName', value: 'stordersfunc' }
      ]
    }
  }
}

resource funcKv 'Microsoft.Web/sites@2023-12-01' = {
  name: 'func-kv'
  location: resourceGroup().location
  kind: 'functionapp'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: planId
    siteConfig: {
      appSettings: [
        { name: 'AzureWebJobsStorage', value: '@Microsoft.KeyVault(SecretUri=https://kv-orders.vault.azure.net/secrets/AzureWebJobsStorage/)' }
      ]
    }
  }
}

resource funcInput 'Microsoft.Web/sites@2023-12-01' = {
  name: 'func-input'
  location: resourceGroup().location
  kind: 'functionapp'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: planId
    siteConfig: {
      appSettings: [
        { name: 'AzureWebJobsStorage', value: storageConnection }
      ]
    }
  }
}

resource stLegacy 'Microsoft.Storage/storageAccounts@2023-01-01' existing = {
  name: 'stlegacy'
}

// not deployed: the condition's parameter defaults to false
resource funcLegacy 'Microsoft.Web/sites@2023-12-01' = if (deployLegacy) {
  name: 'func-legacy'
  location: resourceGroup().location
  kind: 'functionapp'
  properties: {
    serverFarmId: planId
    siteConfig: {
      appSettings: [
        { name: 'AzureWebJobsStorage', value: 'DefaultEndpointsProtocol=https;AccountName=stlegacy;AccountKey=${stLegacy.listKeys().keys[0].value}' }
      ]
    }
  }
}

resource flex 'Microsoft.Web/sites@2024-04-01' = {
  name: 'func-flex'
  location: resourceGroup().location
  kind: 'functionapp,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: planId
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: 'https://stflex.blob.${environment().suffixes.storage}/deployments'
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      runtime: { name: 'python', version: '3.11' }
    }
  }
}
