// Key Vault Secrets Officer and Key Vault Administrator from a variable map, for a user-assigned
// identity (the Secrets User entry of the map is not used)
var kvRoles = {
  secretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  secretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
  administrator: '00482a5a-887f-4fb3-b363-3b7fe8e74483'
}

resource worker 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-worker'
  location: resourceGroup().location
}

resource officer 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, worker.id, kvRoles.secretsOfficer)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', kvRoles.secretsOfficer)
    principalId: worker.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource admin 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, worker.id, kvRoles.administrator)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', kvRoles.administrator)
    principalId: worker.properties.principalId
    principalType: 'ServicePrincipal'
  }
}
