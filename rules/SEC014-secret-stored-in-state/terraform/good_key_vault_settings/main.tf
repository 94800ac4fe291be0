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

variable "key_vault_id" {
  type = string
}

variable "server_name" {
  type = string
}

variable "resource_group" {
  type = any
}

resource "random_string" "admin" {
  length  = 12
  special = false
}

# Connection settings kept beside the password in Key Vault: their names say
# they hold a user name, a login name and a resource group name, no secret.
resource "azurerm_key_vault_secret" "admin_username" {
  name         = format("%s-username", var.server_name)
  value        = random_string.admin.result
  key_vault_id = var.key_vault_id
}

resource "azurerm_key_vault_secret" "admin_login_name" {
  name         = format("%s-login-name", var.server_name)
  value        = format("%s@%s", random_string.admin.result, var.server_name)
  key_vault_id = var.key_vault_id
}

resource "azurerm_key_vault_secret" "rg_name" {
  name         = format("%s-resource-group-name", var.server_name)
  value        = lookup(var.resource_group, "name", null)
  key_vault_id = var.key_vault_id
}
