variable "scope" {
  type = string
}

variable "role_name" {
  type    = string
  default = "Reader"
}

variable "principal_id" {
  type = string
}

variable "condition" {
  type    = string
  default = null
}

resource "azurerm_role_assignment" "this" {
  scope                = var.scope
  role_definition_name = var.role_name
  principal_id         = var.principal_id
  condition            = var.condition
  condition_version    = var.condition == null ? null : "2.0"
}
