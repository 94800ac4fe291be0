// A site with a fixed name keeps its system-assigned identity across deployments
param planId string = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-plan/providers/Microsoft.Web/serverfarms/plan-shop'
param location string = resourceGroup().location

resource app 'Microsoft.Web/sites@2022-09-01' = {
  name: 'app-shop'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: planId
  }
}

resource reader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, app.id, 'reader')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
  }
}
