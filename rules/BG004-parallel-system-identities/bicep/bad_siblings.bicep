// Sibling sites `app-portal-a` and `app-portal-b`, each system-assigned and given Reader: one finding per sibling
param planId string = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-plan/providers/Microsoft.Web/serverfarms/plan-portal'

resource portalA 'Microsoft.Web/sites@2022-09-01' = {
  name: 'app-portal-a'
  location: resourceGroup().location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: planId
  }
}

resource portalB 'Microsoft.Web/sites@2022-09-01' = {
  name: 'app-portal-b'
  location: resourceGroup().location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: planId
  }
}

resource readerA 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, portalA.id, 'reader')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')
    principalId: portalA.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource readerB 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, portalB.id, 'reader')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')
    principalId: portalB.identity.principalId
    principalType: 'ServicePrincipal'
  }
}
