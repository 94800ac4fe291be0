// Site and slot share one user-assigned identity, which receives the roles
param location string = resourceGroup().location
param planId string = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-plan/providers/Microsoft.Web/serverfarms/plan-quotes'

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-quotes'
  location: location
}

resource site 'Microsoft.Web/sites@2022-09-01' = {
  name: 'app-quotes'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${appIdentity.id}': {}
    }
  }
  properties: {
    serverFarmId: planId
    keyVaultReferenceIdentity: appIdentity.id
  }

  resource staging 'slots' = {
    name: 'staging'
    location: location
    identity: {
      type: 'SystemAssigned, UserAssigned'
      userAssignedIdentities: {
        '${appIdentity.id}': {}
      }
    }
    properties: {
      serverFarmId: planId
      keyVaultReferenceIdentity: appIdentity.id
    }
  }
}
