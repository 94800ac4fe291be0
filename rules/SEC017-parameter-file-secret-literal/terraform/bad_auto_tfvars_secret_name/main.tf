terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 3.100"
    }
  }
}

provider "azurerm" {
  features {}
}

variable "key_vault_name" {
  type = string
}

variable "storage_account_key" {
  type = string
}

variable "ssh_public_key" {
  type = string
}

variable "partner_api_token" {
  type = string
}

data "azurerm_key_vault" "kv" {
  name                = var.key_vault_name
  resource_group_name = "rg-secrets"
}

resource "azurerm_key_vault_secret" "partner" {
  name            = "partner-api-token"
  value           = var.partner_api_token
  key_vault_id    = data.azurerm_key_vault.kv.id
  expiration_date = "2026-12-31T00:00:00Z"
}
