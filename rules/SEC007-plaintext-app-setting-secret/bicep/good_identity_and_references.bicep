param location string = resourceGroup().location
param identityClientId string

@secure()
param partnerClientSecret string

var apps = [
  'orders'
  'billing'
]

resource func 'Microsoft.Web/sites@2023-12-01' = [for name in apps: {
  name: 'func-${name}'
  location: location
  kind: 'functionapp'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: resourceId('Microsoft.Web/serverfarms', 'asp-orders')
    siteConfig: {
      appSettings: [
        { name: 'AzureWebJobsStorage__accountName', value: 'stordersprod' }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identityClientId }
        { name: 'ServiceBus__fullyQualifiedNamespace', value: 'sb-orders.servicebus.windows.net' }
        { name: 'Archive__blobServiceUri', value: 'https://storordersarchive.blob.${environment().suffixes.storage}' }
        { name: 'AZURE_CLIENT_ID', value: identityClientId }
        { name: 'AZURE_TENANT_ID', value: subscription().tenantId }
        { name: 'TOKEN_ENDPOINT', value: '${environment().authentication.loginEndpoint}${tenant().tenantId}/oauth2/v2.0/token' }
        { name: 'SMTP_PASSWORD', value: '@Microsoft.KeyVault(SecretUri=https://kv-orders.vault.azure.net/secrets/smtp-password/)' }
        { name: 'PAYMENT_API_KEY', value: '@Microsoft.KeyVault(VaultName=kv-orders;SecretName=payment-api-key)' }
        { name: 'SHIPPING_API_KEY', value: '@Microsoft.AppConfiguration(Endpoint=https://appcs-orders.azconfig.io; Key=Shipping:ApiKey)' }
        { name: 'PARTNER_CLIENT_SECRET', value: partnerClientSecret }
        { name: 'JWT_SIGNING_SECRET', value: 'REPLACE_ME' }
        { name: 'WEATHER_API_KEY', value: '<your-api-key>' }
        { name: 'LEGACY_PASSWORD', value: '' }
        { name: 'FUNCTIONS_EXTENSION_VERSION', value: '~4' }
      ]
      connectionStrings: [
        {
          name: 'Orders'
          connectionString: 'Server=tcp:sql-orders.${environment().suffixes.sqlServerHostname},1433;Database=orders;Authentication=Active Directory Managed Identity;'
          type: 'SQLAzure'
        }
      ]
    }
  }
}]

// never deployed
resource legacy 'Microsoft.Web/sites@2023-12-01' = if (false) {
  name: 'func-legacy'
  location: location
  properties: {
    siteConfig: {
      appSettings: [
        { name: 'SMTP_PASSWORD', value: 'Mailer#2019' }
      ]
    }
  }
}
