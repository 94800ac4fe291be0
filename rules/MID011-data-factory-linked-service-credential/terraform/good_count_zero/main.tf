variable "legacy_enabled" {
  type    = bool
  default = false
}

resource "azurerm_storage_account" "legacy" {
  name                     = "stcontosolegacy"
  resource_group_name      = "rg-contoso"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_data_factory_linked_service_azure_blob_storage" "legacy" {
  count             = var.legacy_enabled ? 1 : 0
  name              = "Legacy"
  data_factory_id   = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-contoso/providers/Microsoft.DataFactory/factories/adf-contoso"
  connection_string = azurerm_storage_account.legacy.primary_connection_string
}
