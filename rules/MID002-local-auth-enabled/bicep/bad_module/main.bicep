// the caller passes false over the module's own default true: in the module file
module bus './bus.bicep' = {
  name: 'orders-bus'
  params: {
    disableLocalAuth: false
  }
}
