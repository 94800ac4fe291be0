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

# Both inputs have a value: a literal default (SEC001) or a tfvars assignment (SEC017).
variable "db_admin_password" {
  type    = string
  default = "Pg-Orders-2024!"
}

variable "sql_admin_password" {
  type = string
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-orders-dev"
  location = "westeurope"
}

resource "azurerm_postgresql_flexible_server" "db" {
  name                   = "psql-orders-dev"
  resource_group_name    = azurerm_resource_group.rg.name
  location               = azurerm_resource_group.rg.location
  version                = "16"
  sku_name               = "B_Standard_B1ms"
  administrator_login    = "pgadmin"
  administrator_password = var.db_admin_password
}

resource "azurerm_mssql_server" "sql" {
  name                         = "sql-orders-dev"
  resource_group_name          = azurerm_resource_group.rg.name
  location                     = azurerm_resource_group.rg.location
  version                      = "12.0"
  administrator_login          = "sqladmin"
  administrator_login_password = var.sql_admin_password
}
