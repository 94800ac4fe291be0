terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.30"
    }
  }
}

provider "azurerm" {
  features {}
}

variable "sql_admin_password" {
  type      = string
  sensitive = true
}

variable "key_vault_id" {
  type = string
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-orders"
  location = "westeurope"
}

# sensitive hides the value from plan output; it is still written to the state
resource "azurerm_mssql_server" "orders" {
  name                         = "sql-orders-prod"
  resource_group_name          = azurerm_resource_group.rg.name
  location                     = azurerm_resource_group.rg.location
  version                      = "12.0"
  administrator_login          = "sqladmin"
  administrator_login_password = var.sql_admin_password
  minimum_tls_version          = "1.2"
}

resource "azurerm_key_vault_secret" "sql_admin_password" {
  name            = "sql-admin-password"
  value           = var.sql_admin_password
  key_vault_id    = var.key_vault_id
  expiration_date = "2026-12-31T00:00:00Z"
}
