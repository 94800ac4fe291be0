variable "name" {
  type = string
}

variable "scope" {
  type = string
}

variable "actions" {
  type    = list(string)
  default = ["Microsoft.Resources/subscriptions/resourceGroups/read"]
}

resource "azurerm_role_definition" "this" {
  name  = var.name
  scope = var.scope

  permissions {
    actions = var.actions
  }

  assignable_scopes = [var.scope]
}
