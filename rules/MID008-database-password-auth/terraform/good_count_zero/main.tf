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

resource "azurerm_resource_group" "rg" {
  name     = "rg-data-prod"
  location = "westeurope"
}

variable "create_legacy" {
  type    = bool
  default = false
}

resource "azurerm_mssql_server" "legacy" {
  count = var.create_legacy ? 1 : 0

  name                         = "sql-legacy"
  resource_group_name          = azurerm_resource_group.rg.name
  location                     = azurerm_resource_group.rg.location
  version                      = "12.0"
  administrator_login          = "sqladmin"
  administrator_login_password = "not-a-real-secret"
}

resource "azurerm_postgresql_flexible_server" "legacy" {
  count = 0

  name                = "psql-legacy"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  version             = "16"
  sku_name            = "B_Standard_B1ms"
}
