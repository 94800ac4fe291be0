resource "azurerm_servicebus_namespace" "this" {
  name                = var.name
  resource_group_name = var.resource_group_name
  location            = var.location
  sku                 = "Standard"
  minimum_tls_version = "1.2"
  local_auth_enabled  = var.local_auth_enabled
}
