provider "azurerm" {
  features {}
}

data "azurerm_client_config" "current" {}

variable "principal_id" {
  type = string
}

resource "azurerm_key_vault" "orders" {
  name                      = "kv-orders-prod"
  location                  = "westeurope"
  resource_group_name       = "rg-orders"
  tenant_id                 = data.azurerm_client_config.current.tenant_id
  sku_name                  = "standard"
  enable_rbac_authorization = true
}

resource "azurerm_role_assignment" "secrets" {
  scope                = azurerm_key_vault.orders.id
  role_definition_name = "Key Vault Secrets User"
  principal_id         = var.principal_id
}

resource "azurerm_key_vault" "v4" {
  name                       = "kv-orders-v4"
  location                   = "westeurope"
  resource_group_name        = "rg-orders"
  tenant_id                  = data.azurerm_client_config.current.tenant_id
  sku_name                   = "standard"
  rbac_authorization_enabled = true
}

resource "azurerm_role_assignment" "crypto" {
  scope                = azurerm_key_vault.v4.id
  role_definition_name = "Key Vault Crypto Service Encryption User"
  principal_id         = var.principal_id
}

# Not deployed: count = 0.
resource "azurerm_key_vault" "legacy" {
  name                = "kv-legacy"
  location            = "westeurope"
  resource_group_name = "rg-orders"
  tenant_id           = data.azurerm_client_config.current.tenant_id
  sku_name            = "standard"
}

resource "azurerm_role_assignment" "legacy" {
  count                = 0
  scope                = azurerm_key_vault.legacy.id
  role_definition_name = "Key Vault Secrets User"
  principal_id         = var.principal_id
}
