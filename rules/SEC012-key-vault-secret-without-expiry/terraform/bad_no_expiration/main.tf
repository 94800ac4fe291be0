terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }
}

provider "azurerm" {
  features {}
}

variable "key_vault_id" {
  type = string
}

resource "random_password" "app" {
  for_each = toset(["smtp-password", "partner-api-key", "webhook-signing-key"])
  length   = 32
}

resource "random_password" "sql" {
  length = 24
}

# three secrets from one block: reported once
resource "azurerm_key_vault_secret" "app" {
  for_each     = random_password.app
  name         = each.key
  value        = each.value.result
  key_vault_id = var.key_vault_id
  content_type = "text/plain"
}

resource "azurerm_key_vault_secret" "sql" {
  name            = "sql-admin-password"
  value           = random_password.sql.result
  key_vault_id    = var.key_vault_id
  not_before_date = "2024-06-01T00:00:00Z"

  tags = {
    owner = "platform"
  }
}
