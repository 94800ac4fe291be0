param location string

@secure()
param partnerApiToken string

resource logic 'Microsoft.Web/sites@2023-12-01' = {
  name: 'logic-orders'
  location: location
  kind: 'functionapp,workflowapp'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: resourceId('Microsoft.Web/serverfarms', 'asp-orders-ws')
    siteConfig: {
      appSettings: [
        { name: 'APP_KIND', value: 'workflowApp' }
        {
          name: 'PARTNER_API_TOKEN'
          value: partnerApiToken
        }
      ]
    }
  }
}
