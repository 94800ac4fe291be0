resource "azurerm_resource_group" "rg" {
  name     = "rg-ingest"
  location = "westeurope"
}

resource "azurerm_storage_account" "landing" {
  name                      = "stlanding"
  resource_group_name       = azurerm_resource_group.rg.name
  location                  = azurerm_resource_group.rg.location
  account_tier              = "Standard"
  account_replication_type  = "LRS"
  shared_access_key_enabled = false
}

module "workers" {
  source         = "./modules/worker"
  instance_count = 3
  location       = azurerm_resource_group.rg.location
  resource_group = azurerm_resource_group.rg.name
  storage_id     = azurerm_storage_account.landing.id
}
