# A module in the style of terraform-azurerm-caf: every setting comes from
# one `settings` object its caller passes, read with `try(..., null)`.
variable "settings" {}

variable "resource_group_name" {
  type = string
}

resource "azurerm_app_configuration" "config" {
  name                = var.settings.name
  resource_group_name = var.resource_group_name
  location            = "westeurope"
  sku                 = "standard"
  local_auth_enabled  = try(var.settings.local_auth_enabled, null)
}
