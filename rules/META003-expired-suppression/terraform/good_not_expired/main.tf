resource "azurerm_container_registry" "legacy" {
  name                = "legacyacr"
  resource_group_name = "rg-build"
  location            = "westeurope"
  sku                 = "Standard"
  admin_enabled       = true
}
