module bus './bus.bicep' = {
  name: 'orders-bus'
  params: {
    disableLocalAuth: true
  }
}
