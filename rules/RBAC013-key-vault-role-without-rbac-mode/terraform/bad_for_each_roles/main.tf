provider "azurerm" {
  features {}
}

data "azurerm_client_config" "current" {}

variable "principal_id" {
  type = string
}

locals {
  vault_roles = {
    secrets = "Key Vault Secrets Officer"
    certs   = "Key Vault Certificates Officer"
  }
}

resource "azurerm_key_vault" "app" {
  name                       = "kv-app-shared"
  location                   = "westeurope"
  resource_group_name        = "rg-app"
  tenant_id                  = data.azurerm_client_config.current.tenant_id
  sku_name                   = "standard"
  rbac_authorization_enabled = false
}

# Two data roles from one for_each over a role map: reported once.
resource "azurerm_role_assignment" "app" {
  for_each             = local.vault_roles
  scope                = azurerm_key_vault.app.id
  role_definition_name = each.value
  principal_id         = var.principal_id
}
