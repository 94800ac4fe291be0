variable "blob_connection_string" {
  type = string
}

variable "sql_settings" {
  type = object({
    connection_string = string
  })
}

resource "azurerm_data_factory_linked_service_azure_blob_storage" "blob" {
  name              = "Blob"
  data_factory_id   = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-contoso/providers/Microsoft.DataFactory/factories/adf-contoso"
  connection_string = var.blob_connection_string
}

resource "azurerm_data_factory_linked_service_azure_sql_database" "sql" {
  name              = "Sql"
  data_factory_id   = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-contoso/providers/Microsoft.DataFactory/factories/adf-contoso"
  connection_string = var.sql_settings.connection_string
}

variable "use_identity" {
  type = bool
}

# With `use_managed_identity` set (here: not known), the provider sends no service principal key.
resource "azurerm_data_factory_linked_service_kusto" "adx" {
  name                  = "Telemetry"
  data_factory_id       = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-contoso/providers/Microsoft.DataFactory/factories/adf-contoso"
  kusto_endpoint        = "https://adx-contoso.westeurope.kusto.windows.net"
  kusto_database_name   = "telemetry"
  use_managed_identity  = var.use_identity
  service_principal_key = "kusto-app-secret-value"
}
