resource "azurerm_data_factory" "adf" {
  name                = "adf-contoso"
  location            = "westeurope"
  resource_group_name = "rg-contoso"

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_data_factory_linked_service_azure_blob_storage" "blob" {
  name                 = "Blob"
  data_factory_id      = azurerm_data_factory.adf.id
  use_managed_identity = true
  service_endpoint     = "https://stcontoso.blob.core.windows.net/"
}

resource "azurerm_data_factory_linked_service_azure_sql_database" "sql" {
  name                 = "Sql"
  data_factory_id      = azurerm_data_factory.adf.id
  use_managed_identity = true
  connection_string    = "Data Source=tcp:sql-contoso.database.windows.net,1433;Initial Catalog=sales;Encrypt=True;"
}

resource "azurerm_data_factory_linked_service_data_lake_storage_gen2" "lake" {
  name                 = "Lake"
  data_factory_id      = azurerm_data_factory.adf.id
  url                  = "https://stcontosolake.dfs.core.windows.net"
  use_managed_identity = true
}

resource "azurerm_data_factory_linked_service_kusto" "adx" {
  name                 = "Telemetry"
  data_factory_id      = azurerm_data_factory.adf.id
  kusto_endpoint       = "https://adx-contoso.westeurope.kusto.windows.net"
  kusto_database_name  = "telemetry"
  use_managed_identity = true
}

resource "azapi_resource" "cosmos" {
  type      = "Microsoft.DataFactory/factories/linkedservices@2018-06-01"
  name      = "Orders"
  parent_id = azurerm_data_factory.adf.id

  body = {
    properties = {
      type = "CosmosDb"
      typeProperties = {
        accountEndpoint = "https://cosmos-contoso.documents.azure.com:443/"
        database        = "orders"
      }
    }
  }
}
