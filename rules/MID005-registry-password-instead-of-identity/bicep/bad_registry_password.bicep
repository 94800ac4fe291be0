param environmentId string
@secure()
param registryPassword string

resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' existing = {
  name: 'acrorders'
}

// Container App pulling with a password secret: at `passwordSecretRef`
resource api 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'ca-api'
  location: resourceGroup().location
  properties: {
    environmentId: environmentId
    configuration: {
      secrets: [
        { name: 'acr-password', value: acr.listCredentials().passwords[0].value }
      ]
      registries: [
        {
          server: acr.properties.loginServer
          username: acr.name
          passwordSecretRef: 'acr-password'
        }
      ]
    }
    template: {
      containers: [
        { name: 'api', image: '${acr.properties.loginServer}/api:1.0' }
      ]
    }
  }
}

// container group with a registry password from a secure parameter: still a password design
resource aci 'Microsoft.ContainerInstance/containerGroups@2023-05-01' = {
  name: 'aci-jobs'
  location: resourceGroup().location
  properties: {
    osType: 'Linux'
    imageRegistryCredentials: [
      {
        server: 'acrorders.azurecr.io'
        username: 'acrorders'
        password: registryPassword
      }
    ]
    containers: [
      {
        name: 'job'
        properties: {
          image: 'acrorders.azurecr.io/job:1.0'
          resources: { requests: { cpu: 1, memoryInGB: 1 } }
        }
      }
    ]
  }
}

// web app with DOCKER_REGISTRY_SERVER_PASSWORD and no acrUseManagedIdentityCreds
resource web 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-orders'
  location: resourceGroup().location
  identity: { type: 'SystemAssigned' }
  properties: {
    siteConfig: {
      linuxFxVersion: 'DOCKER|acrorders.azurecr.io/web:1.0'
      appSettings: [
        { name: 'DOCKER_REGISTRY_SERVER_URL', value: 'https://acrorders.azurecr.io' }
        { name: 'DOCKER_REGISTRY_SERVER_USERNAME', value: 'acrorders' }
        { name: 'DOCKER_REGISTRY_SERVER_PASSWORD', value: registryPassword }
      ]
    }
  }
}
