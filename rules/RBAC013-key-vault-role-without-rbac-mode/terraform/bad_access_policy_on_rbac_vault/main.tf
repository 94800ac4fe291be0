provider "azurerm" {
  features {}
}

data "azurerm_client_config" "current" {}

variable "operators_group_id" {
  type    = string
  default = "7d2c4c1e-3a55-4f7e-9a41-2f0d6c1b9e10"
}

resource "azurerm_key_vault" "payments" {
  name                       = "kv-payments"
  location                   = "westeurope"
  resource_group_name        = "rg-payments"
  tenant_id                  = data.azurerm_client_config.current.tenant_id
  sku_name                   = "premium"
  rbac_authorization_enabled = true

  access_policy {
    tenant_id          = data.azurerm_client_config.current.tenant_id
    object_id          = var.operators_group_id
    secret_permissions = ["Get", "List"]
  }
}

resource "azurerm_key_vault_access_policy" "operators_keys" {
  key_vault_id    = azurerm_key_vault.payments.id
  tenant_id       = data.azurerm_client_config.current.tenant_id
  object_id       = var.operators_group_id
  key_permissions = ["Get", "WrapKey", "UnwrapKey"]
}
