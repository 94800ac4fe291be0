// the caller asks for basic publishing credentials: allow = !false inside the module file
param planId string

module web './web-app.bicep' = {
  name: 'orders-web'
  params: {
    planId: planId
    disableBasicPublishingCredentials: false
  }
}
