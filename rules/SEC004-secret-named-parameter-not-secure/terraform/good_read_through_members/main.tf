terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
  }
}

# Untyped inputs the module reads only through members that name no secret:
# `key` is a Key Vault key object (`.id`, `.name`), `dynamic_keyvault_secrets`
# a map of secret references read for `.secret_name`.
variable "key" {}

variable "dynamic_keyvault_secrets" {
  default = {}
}

variable "key_vault_id" {
  type = string
}

variable "settings" {
  type = any
}

resource "azurerm_key_vault_key" "secondary" {
  name         = var.key.name
  key_vault_id = var.key_vault_id
  key_type     = "RSA"
  key_size     = 2048
  key_opts     = ["wrapKey", "unwrapKey"]

  tags = {
    primary_key_id = var.key.id
  }
}

data "azurerm_key_vault_secret" "password" {
  name         = try(var.dynamic_keyvault_secrets[var.settings.keyvault_key][var.settings.secret_key].secret_name, var.settings.secret_name)
  key_vault_id = var.key_vault_id
}
