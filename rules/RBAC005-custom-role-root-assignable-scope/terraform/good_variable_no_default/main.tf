variable "assignable_scopes" {
  type = list(string)
}

variable "scope" {
  type = string
}

resource "azurerm_role_definition" "custom" {
  name              = "Custom"
  scope             = var.scope
  assignable_scopes = var.assignable_scopes

  permissions {
    actions = ["*/read"]
  }
}
