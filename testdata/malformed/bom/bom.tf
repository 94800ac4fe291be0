resource "azurerm_container_registry" "bom" {
  name          = "bom"
  admin_enabled = true
}
