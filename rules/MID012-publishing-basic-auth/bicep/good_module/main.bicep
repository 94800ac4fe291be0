// the caller keeps basic publishing credentials off
param planId string

module web './web-app.bicep' = {
  name: 'orders-web'
  params: {
    planId: planId
    disableBasicPublishingCredentials: true
  }
}
