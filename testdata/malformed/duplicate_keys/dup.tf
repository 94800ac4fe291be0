resource "azurerm_container_registry" "dup" {
  name          = "dup"
  admin_enabled = false
  admin_enabled = true
}
