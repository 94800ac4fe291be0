resource "azurerm_container_registry" "acr" {
  name                = "buildacr"
  resource_group_name = "rg-build"
  location            = "westeurope"
  sku                 = "Standard"
  // idlint:ignore MID004 break-glass pulls until CHG-1234
  admin_enabled = true
}
