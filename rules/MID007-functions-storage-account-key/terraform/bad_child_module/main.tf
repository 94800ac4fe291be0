provider "azurerm" {
  features {}
}

resource "azurerm_storage_account" "func" {
  name                     = "stshippingfunc"
  resource_group_name      = "rg-shipping"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

module "func" {
  source      = "./modules/func"
  storage     = azurerm_storage_account.func.name
  storage_key = azurerm_storage_account.func.primary_access_key
}
