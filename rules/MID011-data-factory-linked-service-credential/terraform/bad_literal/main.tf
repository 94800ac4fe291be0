resource "azurerm_data_factory" "adf" {
  name                = "adf-contoso"
  location            = "westeurope"
  resource_group_name = "rg-contoso"

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_storage_account" "lake" {
  name                     = "stcontosolake"
  resource_group_name      = "rg-contoso"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  is_hns_enabled           = true
}

resource "azurerm_data_factory_linked_service_azure_blob_storage" "blob" {
  name              = "Blob"
  data_factory_id   = azurerm_data_factory.adf.id
  connection_string = "DefaultEndpointsProtocol=https;AccountName=stcontoso;AccountKey=c3RvcmFnZS1rZXktZm9yLXRoZS1jb250b3Nv;EndpointSuffix=core.windows.net"
}

resource "azurerm_data_factory_linked_service_azure_sql_database" "sql" {
  name              = "Sql"
  data_factory_id   = azurerm_data_factory.adf.id
  connection_string = "Server=tcp:sql-contoso.database.windows.net,1433;Database=sales;User ID=etl;Password=Winter2024!;"
}

resource "azurerm_data_factory_linked_service_data_lake_storage_gen2" "lake" {
  name                = "Lake"
  data_factory_id     = azurerm_data_factory.adf.id
  url                 = azurerm_storage_account.lake.primary_dfs_endpoint
  storage_account_key = azurerm_storage_account.lake.primary_access_key
}

resource "azurerm_data_factory_linked_service_kusto" "adx" {
  name                  = "Telemetry"
  data_factory_id       = azurerm_data_factory.adf.id
  kusto_endpoint        = "https://adx-contoso.westeurope.kusto.windows.net"
  kusto_database_name   = "telemetry"
  service_principal_id  = "11111111-2222-3333-4444-555555555555"
  service_principal_key = "kusto-app-secret-value"
  tenant                = "00000000-0000-0000-0000-000000000000"
}

resource "azurerm_data_factory_linked_service_sftp" "partner" {
  name                = "Partner"
  data_factory_id     = azurerm_data_factory.adf.id
  authentication_type = "Basic"
  host                = "sftp.partner.example"
  port                = 22
  username            = "contoso"
  password            = "Partner-Pa55"
}

resource "azurerm_data_factory_linked_custom_service" "files" {
  name            = "Files"
  data_factory_id = azurerm_data_factory.adf.id
  type            = "AzureFileStorage"
  type_properties_json = <<JSON
{
  "connectionString": "DefaultEndpointsProtocol=https;AccountName=stcontosofiles;AccountKey=ZmlsZXMta2V5LWZvci1jb250b3Nv;",
  "fileShare": "drop"
}
JSON
}

resource "azurerm_data_factory_linked_service_azure_blob_storage" "archive" {
  name                       = "Archive"
  data_factory_id            = azurerm_data_factory.adf.id
  connection_string_insecure = "DefaultEndpointsProtocol=https;AccountName=stcontosoarchive;AccountKey=YXJjaGl2ZS1rZXktZm9yLWNvbnRvc28=;"
}
