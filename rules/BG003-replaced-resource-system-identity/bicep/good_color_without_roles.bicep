// A blue/green site whose system-assigned identity receives no role: nothing to lose on replacement
@allowed([
  'blue'
  'green'
])
param color string = 'blue'
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
