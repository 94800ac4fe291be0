terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
  }
}

provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-orders"
  location = "westeurope"
}

# Every input is read: `sensitive` matters only for what is derived from it.
resource "azurerm_key_vault_secret" "inputs" {
  for_each = {
    admin    = var.admin_password
    client   = var.client_secret
    storage  = var.storage_account_key
    sas      = var.sas_token
    db       = var.db_connection_string
    partner  = var.partner_api_key
    smtp     = var.smtp_password
    sql      = jsonencode(var.sql_credentials_secret)
    redis    = join(",", var.redis_access_keys)
    eventhub = var.Event-Hub-SharedAccessKey
  }
  name         = each.key
  value        = each.value
  key_vault_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv"
}
