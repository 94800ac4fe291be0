resource "azurerm_container_registry" "acr" {
  name          = "acr"
  admin_enabled = true
}
