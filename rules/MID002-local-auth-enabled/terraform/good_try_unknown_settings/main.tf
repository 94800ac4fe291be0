# A module in the style of terraform-azurerm-caf: every setting comes from
# one `settings` object its caller passes, read with `try(..., null)`.
# Without a caller, `var.settings` is unknown, so whether local auth is
# switched off is unknown too: `try()` only falls back when the member is
# missing from a known object, so this is no finding.
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
