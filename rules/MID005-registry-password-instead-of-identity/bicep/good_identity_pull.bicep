param environmentId string
@secure()
param dockerHubToken string

resource uami 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-pull'
  location: resourceGroup().location
}

resource api 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'ca-api'
  location: resourceGroup().location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${uami.id}': {}
    }
  }
  properties: {
    environmentId: environmentId
    configuration: {
      registries: [
        {
          server: 'acrorders.azurecr.io'
          identity: uami.id
        }
      ]
    }
    template: {
      containers: [
        { name: 'api', image: 'acrorders.azurecr.io/api:1.0' }
      ]
    }
  }
}

// Docker Hub: a managed identity cannot pull from it
resource aci 'Microsoft.ContainerInstance/containerGroups@2023-05-01' = {
  name: 'aci-hub'
  location: resourceGroup().location
  properties: {
    osType: 'Linux'
    imageRegistryCredentials: [
      {
        server: 'index.docker.io'
        username: 'orders'
        password: dockerHubToken
      }
    ]
    containers: [
      {
        name: 'job'
        properties: {
          image: 'orders/job:1.0'
          resources: { requests: { cpu: 1, memoryInGB: 1 } }
        }
      }
    ]
  }
}

resource web 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-orders'
  location: resourceGroup().location
  identity: { type: 'SystemAssigned' }
  properties: {
    siteConfig: {
      linuxFxVersion: 'DOCKER|acrorders.azurecr.io/web:1.0'
      acrUseManagedIdentityCreds: true
      appSettings: [
        { name: 'DOCKER_REGISTRY_SERVER_URL', value: 'https://acrorders.azurecr.io' }
      ]
    }
  }
}
