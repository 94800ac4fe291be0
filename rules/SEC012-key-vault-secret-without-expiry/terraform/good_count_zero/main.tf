terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
    random = {
      source = "hashicorp/random"
    }
  }
}

provider "azurerm" {
  features {}
}

resource "random_password" "sqlmi_admin" {
  length  = 32
  special = true
}

# Kept for a provider transition and switched off: nothing is created.
resource "azurerm_key_vault_secret" "sqlmi_admin_password" {
  count = 0

  name         = "sqlmi-admin-password"
  value        = random_password.sqlmi_admin.result
  key_vault_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.KeyVault/vaults/kv-data"
}
