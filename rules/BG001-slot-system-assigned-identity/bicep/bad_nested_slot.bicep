// A slot declared inside the site's body, with its own system-assigned identity
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
