terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
    time = {
      source  = "hashicorp/time"
      version = "~> 0.11"
    }
  }
}

provider "azurerm" {
  features {}
}

variable "key_vault_id" {
  type = string
}

variable "partner_api_key" {
  type      = string
  sensitive = true
}

resource "time_rotating" "ninety_days" {
  rotation_days = 90
}

resource "azurerm_key_vault_secret" "partner_api_key" {
  name            = "partner-api-key"
  value           = var.partner_api_key
  key_vault_id    = var.key_vault_id
  expiration_date = "2026-12-31T00:00:00Z"
}

# known only after apply, but set
resource "azurerm_key_vault_secret" "rotating" {
  name            = "partner-api-key-rotating"
  value           = var.partner_api_key
  key_vault_id    = var.key_vault_id
  expiration_date = time_rotating.ninety_days.rotation_rfc3339
}

# a key, not a secret: not this rule
resource "azurerm_key_vault_key" "cmk" {
  name         = "orders-cmk"
  key_vault_id = var.key_vault_id
  key_type     = "RSA"
  key_size     = 3072
  key_opts     = ["wrapKey", "unwrapKey"]
}
