provider "azurerm" {
  features {}
}

data "azurerm_client_config" "current" {}

variable "rbac_enabled" {
  type = bool
}

variable "principal_id" {
  type = string
}

# The model is an input without a value: not known, no finding.
resource "azurerm_key_vault" "app" {
  name                       = "kv-app"
  location                   = "westeurope"
  resource_group_name        = "rg-app"
  tenant_id                  = data.azurerm_client_config.current.tenant_id
  sku_name                   = "standard"
  rbac_authorization_enabled = var.rbac_enabled

  access_policy {
    tenant_id          = data.azurerm_client_config.current.tenant_id
    object_id          = var.principal_id
    secret_permissions = ["Get"]
  }
}

resource "azurerm_role_assignment" "secrets" {
  scope                = azurerm_key_vault.app.id
  role_definition_name = "Key Vault Secrets User"
  principal_id         = var.principal_id
}

# A vault this module does not declare.
resource "azurerm_role_assignment" "shared" {
  scope                = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-shared/providers/Microsoft.KeyVault/vaults/kv-shared"
  role_definition_name = "Key Vault Secrets User"
  principal_id         = var.principal_id
}
