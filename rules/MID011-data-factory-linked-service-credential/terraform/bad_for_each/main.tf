resource "azurerm_storage_account" "region" {
  for_each                 = toset(["weu", "neu", "eus"])
  name                     = "stcontoso${each.key}"
  resource_group_name      = "rg-contoso"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_data_factory_linked_service_azure_table_storage" "region" {
  for_each          = toset(["weu", "neu", "eus"])
  name              = "Tables-${each.key}"
  data_factory_id   = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-contoso/providers/Microsoft.DataFactory/factories/adf-contoso"
  connection_string = azurerm_storage_account.region[each.key].primary_connection_string
}
