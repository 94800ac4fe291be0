variable "resource_group_name" {
  type = string
}

variable "location" {
  type = string
}

variable "admin_enabled" {
  type    = bool
  default = false
}

resource "azurerm_container_registry" "acr" {
  name                = "contosoappacr"
  resource_group_name = var.resource_group_name
  location            = var.location
  sku                 = "Standard"
  admin_enabled       = var.admin_enabled
}

output "login_server" {
  value = azurerm_container_registry.acr.login_server
}
