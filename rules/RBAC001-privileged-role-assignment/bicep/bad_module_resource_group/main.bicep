// subscription file creating a resource group and calling a module at it (`scope: rg`) that assigns Owner
targetScope = 'subscription'

param principalId string = '11111111-1111-1111-1111-111111111111'

resource rg 'Microsoft.Resources/resourceGroups@2022-09-01' = {
  name: 'rg-app'
  location: 'westeurope'
}

module rbac './rg.bicep' = {
  name: 'rg-rbac'
  scope: rg
  params: {
    principalId: principalId
  }
}
