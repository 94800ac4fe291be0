// activeRevisionsMode Multiple with traffic split blue/green, AcrPull on an existing registry: high
param environmentId string = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-env/providers/Microsoft.App/managedEnvironments/cae-web'
param revisionSuffix string = 'green'

resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' existing = {
  name: 'acrweb'
}

resource web 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'ca-web'
  location: resourceGroup().location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    environmentId: environmentId
    configuration: {
      activeRevisionsMode: 'Multiple'
      ingress: {
        external: true
        targetPort: 8080
        traffic: [
          {
            revisionName: 'ca-web--blue'
            weight: 80
          }
          {
            revisionName: 'ca-web--${revisionSuffix}'
            weight: 20
          }
        ]
      }
      registries: [
        {
          server: 'acrweb.azurecr.io'
          identity: 'system'
        }
      ]
    }
    template: {
      revisionSuffix: revisionSuffix
      containers: [
        {
          name: 'web'
          image: 'acrweb.azurecr.io/web:2.0.0'
        }
      ]
    }
  }
}

resource pull 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(acr.id, web.id, '7f951dda-4ed3-4680-a7ca-43fe172d538d')
  scope: acr
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '7f951dda-4ed3-4680-a7ca-43fe172d538d')
    principalId: web.identity.principalId
    principalType: 'ServicePrincipal'
  }
}
