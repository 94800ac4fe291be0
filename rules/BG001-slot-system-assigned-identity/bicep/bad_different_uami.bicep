// A top-level slot with `parent:`; 'SystemAssigned, UserAssigned' whose user-assigned identity
// is not the site's
param location string = resourceGroup().location
param planId string = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-plan/providers/Microsoft.Web/serverfarms/plan-quotes'

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-quotes'
  location: location
}

resource canaryIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-quotes-canary'
  location: location
}

resource site 'Microsoft.Web/sites@2022-09-01' = {
  name: 'app-quotes'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${appIdentity.id}': {}
    }
  }
  properties: {
    serverFarmId: planId
  }
}

resource canary 'Microsoft.Web/sites/slots@2022-09-01' = {
  parent: site
  name: 'canary'
  location: location
  identity: {
    type: 'SystemAssigned, UserAssigned'
    userAssignedIdentities: {
      '${canaryIdentity.id}': {}
    }
  }
  properties: {
    serverFarmId: planId
  }
}
