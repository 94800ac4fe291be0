param location string = resourceGroup().location
param planId string
param environmentId string
// no default: unknown, not reported
param allowScm bool

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-orders'
  location: location
  properties: {
    serverFarmId: planId
  }

  resource ftp 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: {
      allow: false
    }
  }

  resource scm 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: allowScm
    }
  }
}

// slots as nested children, each with its own policies
resource api 'Microsoft.Web/sites@2023-12-01' = {
  name: 'api-orders'
  location: location
  properties: {
    serverFarmId: planId
  }

  resource ftp 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: {
      allow: false
    }
  }

  resource scm 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: false
    }
  }

  resource staging 'slots' = {
    name: 'staging'
    location: location
    properties: {
      serverFarmId: planId
    }

    resource ftp 'basicPublishingCredentialsPolicies' = {
      name: 'ftp'
      properties: {
        allow: false
      }
    }

    resource scm 'basicPublishingCredentialsPolicies' = {
      name: 'scm'
      properties: {
        allow: false
      }
    }
  }
}

// a function app on Container Apps has no publishing endpoints
resource funcOnAca 'Microsoft.Web/sites@2024-02-01' = {
  name: 'func-aca'
  location: location
  kind: 'functionapp,linux,container,azurecontainerapps'
  properties: {
    managedEnvironmentId: environmentId
  }
}

// never deployed
resource legacy 'Microsoft.Web/sites@2023-12-01' = if (false) {
  name: 'app-legacy'
  location: location
  properties: {
    serverFarmId: planId
  }
}
