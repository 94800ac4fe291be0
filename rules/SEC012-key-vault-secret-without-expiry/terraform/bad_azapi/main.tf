terraform {
  required_providers {
    azapi = {
      source  = "Azure/azapi"
      version = "~> 2.0"
    }
  }
}

provider "azapi" {}

variable "key_vault_id" {
  type = string
}

variable "partner_api_key" {
  type      = string
  sensitive = true
}

resource "azapi_resource" "partner_api_key" {
  type      = "Microsoft.KeyVault/vaults/secrets@2023-07-01"
  name      = "partner-api-key"
  parent_id = var.key_vault_id

  body = {
    properties = {
      value       = var.partner_api_key
      contentType = "text/plain"
      attributes = {
        enabled = true
      }
    }
  }
}

resource "azapi_resource" "partner_api_key_next" {
  type      = "Microsoft.KeyVault/vaults/secrets@2023-07-01"
  name      = "partner-api-key-next"
  parent_id = var.key_vault_id

  body = {
    properties = {
      value = var.partner_api_key
      attributes = {
        exp = 1767225600
      }
    }
  }
}
