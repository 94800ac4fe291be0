// management-group file: roleAssignments/write (read and delete beside it are not reported)
targetScope = 'managementGroup'

resource assigner 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(managementGroup().id, 'assigner')
  properties: {
    roleName: 'Assigner'
    type: 'customRole'
    permissions: [
      {
        actions: [
          'Microsoft.Authorization/roleAssignments/read'
          'Microsoft.Authorization/roleAssignments/write'
          'Microsoft.Authorization/roleAssignments/delete'
        ]
      }
    ]
    assignableScopes: [
      managementGroup().id
    ]
  }
}
