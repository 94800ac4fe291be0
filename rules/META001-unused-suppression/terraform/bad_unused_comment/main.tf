# idlint:ignore MID004 the legacy agent needs the admin user
resource "azurerm_container_registry" "acr" {
  name                = "buildacr"
  resource_group_name = "rg-build"
  location            = "westeurope"
  sku                 = "Standard"
  admin_enabled       = false
}
