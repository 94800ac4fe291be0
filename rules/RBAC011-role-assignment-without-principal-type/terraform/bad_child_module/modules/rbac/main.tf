variable "scope" {
  type = string
}

variable "principal_id" {
  type = string
}

resource "azurerm_role_assignment" "this" {
  scope              = var.scope
  role_definition_id = "/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7"
  principal_id       = var.principal_id
}
