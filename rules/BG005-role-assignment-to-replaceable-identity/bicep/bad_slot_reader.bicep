// Reader for the system-assigned identity of slot `staging`, declared inside the site's body (BG001)
param location string = resourceGroup().location
param planId string = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-plan/providers/Microsoft.Web/serverfarms/plan-quotes'

resource site 'Microsoft.Web/sites@2022-09-01' = {
  name: 'app-quotes'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: planId
  }

  resource staging 'slots' = {
    name: 'staging'
    location: location
    identity: {
      type: 'SystemAssigned'
    }
    properties: {
      serverFarmId: planId
    }
  }
}

resource siteReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, site.id, 'reader')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')
    principalId: site.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource stagingReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, 'staging', 'reader')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')
    principalId: site::staging.identity.principalId
    principalType: 'ServicePrincipal'
  }
}
