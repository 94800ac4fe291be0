param location string = resourceGroup().location
param appInsightsLocalAuthDisabled bool = false

resource sb 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: 'sb-contoso-lit'
  location: location
  sku: { name: 'Standard', tier: 'Standard' }
  properties: {
    minimumTlsVersion: '1.2'
    disableLocalAuth: false
  }
}

// Application Insights spells it DisableLocalAuth; false via the parameter default: at the property
resource appi 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-contoso'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    DisableLocalAuth: appInsightsLocalAuthDisabled
  }
}

// one namespace per region: reported once
resource regional 'Microsoft.EventHub/namespaces@2024-01-01' = [for region in ['westeurope', 'northeurope', 'swedencentral']: {
  name: 'evhns-contoso-${region}'
  location: region
  sku: { name: 'Standard', tier: 'Standard' }
  properties: {
    disableLocalAuth: false
  }
}]
