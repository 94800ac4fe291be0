// a site without basicPublishingCredentialsPolicies children: the platform default allows both, at the type string
param location string = resourceGroup().location
param planId string

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-orders'
  location: location
  properties: {
    serverFarmId: planId
    httpsOnly: true
  }
}

// three sites: reported once
resource regional 'Microsoft.Web/sites@2023-12-01' = [for region in ['westeurope', 'northeurope', 'swedencentral']: {
  name: 'app-orders-${region}'
  location: region
  properties: {
    serverFarmId: planId
  }
}]
