variable "name" {
  type = string
}

variable "rbac_enabled" {
  type    = bool
  default = true
}

variable "reader_id" {
  type = string
}

data "azurerm_client_config" "current" {}

resource "azurerm_key_vault" "this" {
  name                       = var.name
  location                   = "westeurope"
  resource_group_name        = "rg-reports"
  tenant_id                  = data.azurerm_client_config.current.tenant_id
  sku_name                   = "standard"
  rbac_authorization_enabled = var.rbac_enabled
}

resource "azurerm_role_assignment" "reader" {
  scope                = azurerm_key_vault.this.id
  role_definition_name = "Key Vault Reader"
  principal_id         = var.reader_id
  principal_type       = "Group"
}
