resource "azurerm_container_registry" "build" {
  name                = "crbuild"
  resource_group_name = "rg-build"
  location            = "westeurope"
  sku                 = "Standard"
  # idlint:ignore MID004 the pipeline still logs in with the admin user
  admin_enabled = true
}
