// The caller passes Owner to a local module whose default is Reader: the finding is in the module
param principalId string = '66666666-6666-6666-6666-666666666666'

module rbac './rbac.bicep' = {
  name: 'rbac'
  params: {
    principalId: principalId
    roleGuid: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635'
  }
}
