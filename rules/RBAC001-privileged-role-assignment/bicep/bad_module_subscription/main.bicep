// management-group file calling a subscription module (`scope: subscription(subscriptionId)`) that assigns Contributor
targetScope = 'managementGroup'

param subscriptionId string = '00000000-0000-0000-0000-000000000001'
param principalId string = '11111111-1111-1111-1111-111111111111'

module sub './sub.bicep' = {
  name: 'sub-rbac'
  scope: subscription(subscriptionId)
  params: {
    principalId: principalId
  }
}
