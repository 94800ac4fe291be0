resource "azurerm_storage_account" "data" {
  name                     = "stcontosodata"
  resource_group_name      = "rg-contoso"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

module "blob" {
  source            = "./modules/blob"
  data_factory_id   = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-contoso/providers/Microsoft.DataFactory/factories/adf-contoso"
  connection_string = azurerm_storage_account.data.primary_blob_connection_string
}
