param location string = resourceGroup().location
// no default: unknown, not reported
param searchLocalAuthDisabled bool

resource sb 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: 'sb-contoso'
  location: location
  sku: { name: 'Standard', tier: 'Standard' }
  properties: {
    disableLocalAuth: true
  }
}

resource appi 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-contoso'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    DisableLocalAuth: true
  }
}

resource search 'Microsoft.Search/searchServices@2024-06-01-preview' = {
  name: 'srch-contoso'
  location: location
  sku: { name: 'basic' }
  properties: {
    disableLocalAuth: searchLocalAuthDisabled
  }
}

resource regional 'Microsoft.EventHub/namespaces@2024-01-01' = [for region in ['westeurope', 'northeurope']: {
  name: 'evhns-contoso-${region}'
  location: region
  sku: { name: 'Standard', tier: 'Standard' }
  properties: {
    disableLocalAuth: true
  }
}]

// never deployed
resource legacy 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = if (false) {
  name: 'sb-legacy'
  location: location
  sku: { name: 'Standard', tier: 'Standard' }
}

// an existing namespace is a reference, not judged
resource shared 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' existing = {
  name: 'sb-shared'
}
