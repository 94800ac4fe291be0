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

data "azurerm_client_config" "current" {}

variable "sql_admins_group_object_id" {
  type = string
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-reporting"
  location = "westeurope"
}

# Entra-only: no SQL login, no password anywhere
resource "azurerm_mssql_server" "reporting" {
  name                = "sql-reporting-prod"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  version             = "12.0"
  minimum_tls_version = "1.2"

  azuread_administrator {
    login_username              = "sg-sql-admins"
    object_id                   = var.sql_admins_group_object_id
    azuread_authentication_only = true
  }
}

resource "azurerm_postgresql_flexible_server" "reporting" {
  name                = "psql-reporting-prod"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  version             = "16"
  sku_name            = "GP_Standard_D2s_v3"

  authentication {
    active_directory_auth_enabled = true
    password_auth_enabled         = false
    tenant_id                     = data.azurerm_client_config.current.tenant_id
  }
}
