// blue/green site in the caller; its app.identity.principalId is passed into a local module that assigns Reader
@allowed([
  'blue'
  'green'
])
param color string = 'green'
param planId string = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-plan/providers/Microsoft.Web/serverfarms/plan-shop'

resource app 'Microsoft.Web/sites@2022-09-01' = {
  name: 'app-shop-${color}'
  location: resourceGroup().location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: planId
  }
}

module ra './ra.bicep' = {
  name: 'ra'
  params: {
    principalId: app.identity.principalId
  }
}
