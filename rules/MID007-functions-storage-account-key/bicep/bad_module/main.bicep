// the parent passes a connection string with st.listKeys() into the module; the app setting that uses it
param planId string

resource st 'Microsoft.Storage/storageAccounts@2023-01-01' existing = {
  name: 'sttelemetryfunc'
}

module func './func.bicep' = {
  name: 'telemetry-func'
  params: {
    planId: planId
    storageConnection: 'DefaultEndpointsProtocol=https;AccountName=${st.name};AccountKey=${st.listKeys().keys[0].value}'
  }
}
