// management-group file: managementGroup().id and a tenantResourceId(...) of a parameter default
targetScope = 'managementGroup'

param platformManagementGroup string = 'platform'

resource networkOperator 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(managementGroup().id, 'network-operator')
  properties: {
    roleName: 'Network Operator'
    type: 'customRole'
    permissions: [
      {
        actions: [
          'Microsoft.Network/virtualNetworks/read'
          'Microsoft.Network/virtualNetworks/subnets/join/action'
        ]
      }
    ]
    assignableScopes: [
      managementGroup().id
      tenantResourceId('Microsoft.Management/managementGroups', platformManagementGroup)
    ]
  }
}
