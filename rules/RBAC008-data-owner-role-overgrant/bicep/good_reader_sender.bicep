// Blob Data Reader and Service Bus Data Sender for the function app's identity
param planId string = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-plan/providers/Microsoft.Web/serverfarms/plan-func'

resource func 'Microsoft.Web/sites@2022-09-01' = {
  name: 'func-orders'
  location: resourceGroup().location
  kind: 'functionapp'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: planId
  }
}

resource roles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in [
  '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'
  '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39'
]: {
  name: guid(resourceGroup().id, func.id, role)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    principalId: func.identity.principalId
    principalType: 'ServicePrincipal'
  }
}]
