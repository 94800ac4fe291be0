// `for` over two regions, sites named from parameter `buildNumber`, one assignment each: reported once
param buildNumber string = '2024.11.3'
param planId string = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-plan/providers/Microsoft.Web/serverfarms/plan-feed'
param regions array = [
  'westeurope'
  'northeurope'
]

resource apps 'Microsoft.Web/sites@2022-09-01' = [for region in regions: {
  name: 'app-feed-${region}-${replace(buildNumber, '.', '')}'
  location: region
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: planId
  }
}]

resource readers 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for (region, i) in regions: {
  name: guid(resourceGroup().id, apps[i].id, 'reader')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')
    principalId: apps[i].identity.principalId
    principalType: 'ServicePrincipal'
  }
}]
