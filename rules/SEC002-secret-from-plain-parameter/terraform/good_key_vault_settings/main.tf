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

variable "admin_login" {
  type = string
}

# The login name is kept beside the password in Key Vault: its name says it
# is a login name, so a plain variable may feed it.
resource "azurerm_key_vault_secret" "admin_login_name" {
  name            = format("%s-login-name", var.server_name)
  value           = format("%s@%s", var.admin_login, var.server_name)
  key_vault_id    = var.key_vault_id
  expiration_date = "2030-01-01T00:00:00Z"
}
