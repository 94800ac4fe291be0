// A top-level slot with `parent:` on the site declared here, identity type in lower case
param location string = resourceGroup().location
param planId string = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-plan/providers/Microsoft.Web/serverfarms/plan-quotes'

resource site 'Microsoft.Web/sites@2022-09-01' = {
  name: 'app-quotes'
  location: location
  properties: {
    serverFarmId: planId
  }
}

resource canary 'Microsoft.Web/sites/slots@2022-09-01' = {
  parent: site
  name: 'canary'
  location: location
  identity: {
    type: 'systemassigned'
  }
  properties: {
    serverFarmId: planId
  }
}
