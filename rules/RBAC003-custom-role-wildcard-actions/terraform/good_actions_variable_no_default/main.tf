variable "actions" {
  type = list(string)
}

variable "scope" {
  type = string
}

resource "azurerm_role_definition" "custom" {
  name  = "Custom"
  scope = var.scope

  permissions {
    actions = var.actions
  }
}
