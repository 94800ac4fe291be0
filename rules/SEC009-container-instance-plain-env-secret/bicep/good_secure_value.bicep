@secure()
param apiToken string

resource aci 'Microsoft.ContainerInstance/containerGroups@2023-05-01' = {
  name: 'aci-jobs'
  location: resourceGroup().location
  identity: { type: 'SystemAssigned' }
  properties: {
    osType: 'Linux'
    containers: [
      {
        name: 'worker'
        properties: {
          image: 'mcr.microsoft.com/azuredocs/aci-helloworld'
          resources: { requests: { cpu: 1, memoryInGB: 1 } }
          environmentVariables: [
            { name: 'DB_PASSWORD', secureValue: 'jobs-db-password' }
            { name: 'UPSTREAM_TOKEN', secureValue: apiToken }
            { name: 'KEY_VAULT_NAME', value: 'kv-jobs' }
            { name: 'SSH_PUBLIC_KEY', value: 'ssh-rsa AAAAB3NzaC1yc2E jobs' }
            { name: 'TOKEN_LIFETIME', value: 'PT1H' }
            { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }
          ]
        }
      }
    ]
  }
}
