// Parameters of the orders release pipeline.
param location string = resourceGroup().location
param adminPassword string
param sql_admin_pwd string = '' // empty default: still declared plain
param ClientSecret string
param githubToken string
param storageAccountKey string
param serviceBusConnectionString string
param partnerApiKey string
// an array cannot be marked @secure(): not reported
param storageKeys array = []
param dbCredentialsSecret object
@description('Key of the partner account.')
param acctkey string

resource st 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: 'storders'
}

output where string = '${location}/${st.name}/${length(storageKeys)}'
