resource "azurerm_container_registry" "good" {
  name          = "good"
  admin_enabled = true
}
