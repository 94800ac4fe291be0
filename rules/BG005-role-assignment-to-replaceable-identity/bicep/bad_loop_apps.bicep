// `for` over three function apps, each system-assigned, each given Service Bus Data Receiver (BG004):
// the loop's assignment is reported once
param planId string = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-plan/providers/Microsoft.Web/serverfarms/plan-workers'
param workers array = [
  'orders'
  'billing'
  'shipping'
]

resource apps 'Microsoft.Web/sites@2022-09-01' = [for w in workers: {
  name: 'func-${w}'
  location: resourceGroup().location
  kind: 'functionapp'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: planId
  }
}]

resource receivers 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for (w, i) in workers: {
  name: guid(resourceGroup().id, apps[i].id, '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0')
    principalId: apps[i].identity.principalId
    principalType: 'ServicePrincipal'
  }
}]
