// A system-assigned slot behind a condition that is false: deploys nothing, nor does its assignment
param location string = resourceGroup().location
param withStaging bool = false

resource site 'Microsoft.Web/sites@2022-09-01' existing = {
  name: 'app-quotes'
}

resource staging 'Microsoft.Web/sites/slots@2022-09-01' = if (withStaging) {
  parent: site
  name: 'staging'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {}
}

resource stagingReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (withStaging) {
  name: guid(resourceGroup().id, 'staging', 'reader')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')
    principalId: staging.identity.principalId
    principalType: 'ServicePrincipal'
  }
}
