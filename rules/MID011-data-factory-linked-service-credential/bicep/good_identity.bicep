resource factory 'Microsoft.DataFactory/factories@2018-06-01' = {
  name: 'adf-contoso'
  location: resourceGroup().location
  identity: { type: 'SystemAssigned' }
  properties: {}

  resource telemetry 'linkedservices' = {
    name: 'Telemetry'
    properties: {
      type: 'AzureDataExplorer'
      typeProperties: {
        endpoint: 'https://adx-contoso.westeurope.kusto.windows.net'
        database: 'telemetry'
      }
    }
  }

  resource lake 'linkedservices' = {
    name: 'Lake'
    properties: {
      type: 'AzureBlobFS'
      typeProperties: {
        url: 'https://stlake.dfs.${environment().suffixes.storage}'
      }
    }
  }

  // a Key Vault secret reference: the linked service stores no copy
  resource sql 'linkedservices' = {
    name: 'Sql'
    properties: {
      type: 'AzureSqlDatabase'
      typeProperties: {
        connectionString: 'Server=tcp:sql-contoso.${environment().suffixes.sqlServerHostname};Database=orders;'
        password: {
          type: 'AzureKeyVaultSecret'
          store: { referenceName: 'KeyVault', type: 'LinkedServiceReference' }
          secretName: 'sql-password'
        }
      }
    }
  }
}
