// Container apps job named from a utcNow() parameter default: a new job, and a new principal, on each deployment
param deployedAt string = utcNow('yyyyMMddHHmm')
param environmentId string = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-env/providers/Microsoft.App/managedEnvironments/cae-batch'
param location string = resourceGroup().location

resource job 'Microsoft.App/jobs@2023-05-01' = {
  name: 'job-import-${deployedAt}'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    environmentId: environmentId
    configuration: {
      triggerType: 'Manual'
      replicaTimeout: 600
    }
    template: {
      containers: [
        {
          name: 'import'
          image: 'mcr.microsoft.com/k8se/quickstart-jobs:latest'
        }
      ]
    }
  }
}

resource reader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, job.id, 'reader')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')
    principalId: job.identity.principalId
    principalType: 'ServicePrincipal'
  }
}
