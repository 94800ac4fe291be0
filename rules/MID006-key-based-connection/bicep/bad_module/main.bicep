// the parent passes listKeys() into the module's parameter; the finding is the app setting that uses it
param planId string

resource hub 'Microsoft.EventHub/namespaces@2024-01-01' existing = {
  name: 'evhns-telemetry'

  resource rootRule 'authorizationRules' existing = {
    name: 'RootManageSharedAccessKey'
  }
}

module app './app.bicep' = {
  name: 'telemetry-app'
  params: {
    planId: planId
    eventHubConnection: listKeys(hub::rootRule.id, '2024-01-01').primaryConnectionString
  }
}
