provider "azurerm" {
  features {}
}

resource "azurerm_storage_account" "uploads" {
  name                     = "stuploads"
  resource_group_name      = "rg-uploads"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

module "app" {
  source            = "./modules/app"
  storage_key       = azurerm_storage_account.uploads.primary_access_key
  storage_account   = azurerm_storage_account.uploads.name
}
