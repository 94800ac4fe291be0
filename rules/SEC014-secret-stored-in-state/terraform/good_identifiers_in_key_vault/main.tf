terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
    tls = {
      source = "hashicorp/tls"
    }
  }
}

provider "azurerm" {
  features {}
}

data "azurerm_client_config" "current" {}

variable "administrator_login" {
  type = string
}

resource "azurerm_postgresql_flexible_server" "db" {
  name                          = "psql-orders"
  resource_group_name           = "rg-data"
  location                      = "westeurope"
  version                       = "16"
  sku_name                      = "B_Standard_B1ms"
  public_network_access_enabled = false

  authentication {
    active_directory_auth_enabled = true
    password_auth_enabled         = false
    tenant_id                     = data.azurerm_client_config.current.tenant_id
  }
}

resource "tls_private_key" "ssh" {
  algorithm = "RSA"
  rsa_bits  = 4096
}

locals {
  key_vault_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-sec/providers/Microsoft.KeyVault/vaults/kv-sec"
}

# Connection facts kept beside the secrets: none of them is a secret.
resource "azurerm_key_vault_secret" "fqdn" {
  name         = "psql-fqdn"
  value        = azurerm_postgresql_flexible_server.db.fqdn
  key_vault_id = local.key_vault_id
}

resource "azurerm_key_vault_secret" "tenant" {
  name         = "tenant-id"
  value        = data.azurerm_client_config.current.tenant_id
  key_vault_id = local.key_vault_id
}

resource "azurerm_key_vault_secret" "login" {
  name         = "psql-login"
  value        = format("%s@%s", var.administrator_login, azurerm_postgresql_flexible_server.db.fqdn)
  key_vault_id = local.key_vault_id
}

resource "azurerm_key_vault_secret" "ssh_public" {
  name         = "ssh-public-key"
  value        = tls_private_key.ssh.public_key_openssh
  key_vault_id = local.key_vault_id
}
