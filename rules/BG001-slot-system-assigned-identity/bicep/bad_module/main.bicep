// The caller gives the slot module identityType 'SystemAssigned' over its default 'None':
// the finding is in the module file
module slot './slot.bicep' = {
  name: 'slot'
  params: {
    appName: 'app-quotes'
    identityType: 'SystemAssigned'
  }
}
