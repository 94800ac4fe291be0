@secure()
param sharedKey string

resource env 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: 'cae-orders'
  location: resourceGroup().location
  properties: {
    appLogsConfiguration: {
      destination: 'azure-monitor'
    }
  }
}

// a sharedKey from a secure parameter is not reported
resource env2 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: 'cae-orders-2'
  location: resourceGroup().location
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: '00000000-0000-0000-0000-000000000000'
        sharedKey: sharedKey
      }
    }
  }
}

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'ca-orders'
  location: resourceGroup().location
  identity: { type: 'SystemAssigned' }
  properties: {
    environmentId: env.id
    configuration: {
      secrets: [
        {
          name: 'partner-token'
          keyVaultUrl: 'https://kv-orders.vault.azure.net/secrets/partner-token'
          identity: 'system'
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'api'
          image: 'mcr.microsoft.com/k8se/quickstart:latest'
          env: [
            { name: 'PARTNER_TOKEN', secretRef: 'partner-token' }
            { name: 'ServiceBus__fullyQualifiedNamespace', value: 'sb-orders.servicebus.windows.net' }
          ]
        }
      ]
    }
  }
}
