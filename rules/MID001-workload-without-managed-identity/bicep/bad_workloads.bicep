// workloads reaching Azure services with keys and secrets instead of an identity
@secure()
param aksClientSecret string

param factoryIdentityType string = 'None'

resource st 'Microsoft.Storage/storageAccounts@2023-01-01' existing = {
  name: 'stfuncorders'
}

resource func 'Microsoft.Web/sites@2022-09-01' = {
  name: 'func-orders'
  location: 'westeurope'
  kind: 'functionapp'
  properties: {
    siteConfig: {
      appSettings: [
        {
          name: 'AzureWebJobsStorage'
          value: 'DefaultEndpointsProtocol=https;AccountName=${st.name};AccountKey=${st.listKeys().keys[0].value}'
        }
      ]
    }
  }
}

resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aks-orders'
  location: 'westeurope'
  properties: {
    dnsPrefix: 'aks-orders'
    agentPoolProfiles: [
      { name: 'system', count: 1, vmSize: 'Standard_D2s_v5', mode: 'System' }
    ]
    servicePrincipalProfile: {
      clientId: '0c3f1b2a-9d8e-4f7a-b6c5-d4e3f2a1b0c9'
      secret: aksClientSecret
    }
  }
}

resource vm 'Microsoft.Compute/virtualMachines@2023-09-01' = {
  name: 'vm-backup'
  location: 'westeurope'
  identity: {
    type: 'None'
  }
  properties: {
    hardwareProfile: { vmSize: 'Standard_B2s' }
  }

  // the extension logs in to storage with the account key
  resource copyBackups 'extensions' = {
    name: 'copy-backups'
    location: 'westeurope'
    properties: {
      publisher: 'Microsoft.Azure.Extensions'
      type: 'CustomScript'
      typeHandlerVersion: '2.1'
      protectedSettings: {
        commandToExecute: 'azcopy login --account-key ${st.listKeys().keys[0].value}'
      }
    }
  }
}

// identity type None via the parameter default: at the identity `type`
resource adf 'Microsoft.DataFactory/factories@2018-06-01' = {
  name: 'adf-orders'
  location: 'westeurope'
  identity: {
    type: factoryIdentityType
  }
}

// a loop of two automation accounts without identity: reported once, at the line holding `[for`
resource automation 'Microsoft.Automation/automationAccounts@2023-11-01' = [
  for region in ['westeurope', 'northeurope']: {
    name: 'aa-orders-${region}'
    location: region
    properties: {
      sku: { name: 'Basic' }
    }
  }
]
