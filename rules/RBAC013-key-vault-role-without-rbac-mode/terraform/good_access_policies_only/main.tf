provider "azurerm" {
  features {}
}

data "azurerm_client_config" "current" {}

variable "principal_id" {
  type = string
}

# An access-policy vault used as one, with a control-plane role only.
resource "azurerm_key_vault" "legacy" {
  name                = "kv-legacy"
  location            = "westeurope"
  resource_group_name = "rg-legacy"
  tenant_id           = data.azurerm_client_config.current.tenant_id
  sku_name            = "standard"

  access_policy {
    tenant_id          = data.azurerm_client_config.current.tenant_id
    object_id          = var.principal_id
    secret_permissions = ["Get"]
  }
}

resource "azurerm_key_vault_access_policy" "keys" {
  key_vault_id    = azurerm_key_vault.legacy.id
  tenant_id       = data.azurerm_client_config.current.tenant_id
  object_id       = var.principal_id
  key_permissions = ["Get"]
}

resource "azurerm_role_assignment" "contributor" {
  scope                = azurerm_key_vault.legacy.id
  role_definition_name = "Key Vault Contributor"
  principal_id         = var.principal_id
}
