param identityType string = 'SystemAssigned'

resource adf 'Microsoft.DataFactory/factories@2018-06-01' = {
  name: 'adf-orders'
  location: resourceGroup().location
  identity: {
    type: identityType
  }
}
