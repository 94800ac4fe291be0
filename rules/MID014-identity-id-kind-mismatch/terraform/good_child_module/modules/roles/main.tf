variable "principal_id" {
  description = "Principal (object) ID that receives the role"
  type        = string
}

variable "scope" {
  type = string
}

resource "azurerm_role_assignment" "blob" {
  scope                = var.scope
  role_definition_name = "Storage Blob Data Contributor"
  principal_id         = var.principal_id
}
