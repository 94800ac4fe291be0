variable "name" {
  type = string
}

variable "scope" {
  type = string
}

variable "actions" {
  type    = list(string)
  default = ["Microsoft.Authorization/roleAssignments/read"]
}

resource "azurerm_role_definition" "this" {
  name  = var.name
  scope = var.scope

  permissions {
    actions = var.actions
  }
}
