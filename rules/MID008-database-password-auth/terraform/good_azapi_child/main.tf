terraform {
  required_providers {
    azapi = {
      source  = "Azure/azapi"
      version = "~> 2.0"
    }
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
  }
}

provider "azurerm" {
  features {}
}

provider "azapi" {}

resource "azurerm_resource_group" "rg" {
  name     = "rg-data-prod"
  location = "westeurope"
}

resource "azurerm_mssql_server" "ledger" {
  name                = "sql-ledger-prod"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  version             = "12.0"
  minimum_tls_version = "1.2"

  azuread_administrator {
    login_username = "sql-admins"
    object_id      = "00000000-0000-0000-0000-000000000001"
  }
}

resource "azapi_resource" "ledger_entra_only" {
  type      = "Microsoft.Sql/servers/azureADOnlyAuthentications@2023-08-01-preview"
  name      = "Default"
  parent_id = azurerm_mssql_server.ledger.id

  body = {
    properties = {
      azureADOnlyAuthentication = true
    }
  }
}

resource "azapi_resource" "pg" {
  type      = "Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01"
  name      = "psql-api-prod"
  parent_id = azurerm_resource_group.rg.id
  location  = azurerm_resource_group.rg.location

  body = {
    properties = {
      version = "16"
      authConfig = {
        activeDirectoryAuth = "Enabled"
        passwordAuth        = "Disabled"
      }
    }
  }
}
