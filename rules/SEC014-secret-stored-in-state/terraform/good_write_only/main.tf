terraform {
  required_version = ">= 1.11"

  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.30"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.7"
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
  ephemeral = true
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-orders"
  location = "westeurope"
}

# generated for this run only: never stored
ephemeral "random_password" "sql" {
  length  = 32
  special = true
}

# write-only arguments are sent to Azure and then discarded
resource "azurerm_mssql_server" "orders" {
  name                                    = "sql-orders-prod"
  resource_group_name                     = azurerm_resource_group.rg.name
  location                                = azurerm_resource_group.rg.location
  version                                 = "12.0"
  administrator_login                     = "sqladmin"
  administrator_login_password_wo         = ephemeral.random_password.sql.result
  administrator_login_password_wo_version = 1
}

resource "azurerm_postgresql_flexible_server" "catalog" {
  name                              = "psql-catalog-prod"
  resource_group_name               = azurerm_resource_group.rg.name
  location                          = azurerm_resource_group.rg.location
  version                           = "16"
  sku_name                          = "GP_Standard_D2s_v3"
  administrator_login               = "pgadmin"
  administrator_password_wo         = ephemeral.random_password.sql.result
  administrator_password_wo_version = 1
}

resource "azurerm_key_vault_secret" "partner_api_key" {
  name             = "partner-api-key"
  value_wo         = var.partner_api_key
  value_wo_version = 3
  key_vault_id     = var.key_vault_id
  expiration_date  = "2026-12-31T00:00:00Z"
}
