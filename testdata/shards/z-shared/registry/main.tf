# Called by a-root (admin user off) and b-root (on). Scanned on its own it
# would be judged with its default (on): a finding no real deployment has.
variable "admin_enabled" {
  type    = bool
  default = true
}

variable "name" {
  type = string
}

resource "azurerm_container_registry" "acr" {
  name                = var.name
  resource_group_name = "rg-shared"
  location            = "westeurope"
  sku                 = "Standard"
  admin_enabled       = var.admin_enabled
}
