// Contributor for an operator group (not a workload identity): not this rule's concern
param operatorsGroupId string = '77777777-7777-7777-7777-777777777777'

resource operators 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, operatorsGroupId, 'contributor')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b24988ac-6180-42a0-ab88-20f7382dd24c')
    principalId: operatorsGroupId
    principalType: 'Group'
  }
}
