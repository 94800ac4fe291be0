variable "scope" {
  type = string
}

variable "role_name" {
  type = string
}

variable "principal_id" {
  type = string
}

resource "azurerm_role_assignment" "this" {
  scope                = var.scope
  role_definition_name = var.role_name
  principal_id         = var.principal_id
  principal_type       = "ServicePrincipal"
}
