param location string = resourceGroup().location
// no default: unknown, not reported
param aksIdentityType string

resource uami 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-orders'
  location: location
}

resource st 'Microsoft.Storage/storageAccounts@2023-01-01' existing = {
  name: 'stfuncorders'
}

resource func 'Microsoft.Web/sites@2022-09-01' = {
  name: 'func-orders'
  location: location
  kind: 'functionapp'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${uami.id}': {}
    }
  }
  properties: {
    siteConfig: {
      appSettings: [
        { name: 'AzureWebJobsStorage__accountName', value: st.name }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: uami.properties.clientId }
      ]
    }
  }
}

resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aks-orders'
  location: location
  identity: {
    type: aksIdentityType
  }
  properties: {
    dnsPrefix: 'aks-orders'
  }
}

// a web server that calls no Azure service: an identity would change nothing
resource web 'Microsoft.Web/sites@2022-09-01' = {
  name: 'app-orders-static'
  location: location
  properties: {
    siteConfig: {
      appSettings: [
        { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }
      ]
    }
  }
}

resource automation 'Microsoft.Automation/automationAccounts@2023-11-01' = [for region in ['westeurope', 'northeurope']: {
  name: 'aa-orders-${region}'
  location: region
  identity: { type: 'SystemAssigned' }
  properties: {
    sku: { name: 'Basic' }
  }
}]

// never deployed
resource legacyFactory 'Microsoft.DataFactory/factories@2018-06-01' = if (false) {
  name: 'adf-orders-legacy'
  location: location
}

// an existing factory is a reference, not judged
resource sharedFactory 'Microsoft.DataFactory/factories@2018-06-01' existing = {
  name: 'adf-shared'
}
