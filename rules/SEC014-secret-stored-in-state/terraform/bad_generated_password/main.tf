terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.30"
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

variable "subnet_id" {
  type = string
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-data"
  location = "westeurope"
}

# a managed random_password keeps its result in the state, and so does every attribute it feeds
resource "random_password" "db" {
  length  = 32
  special = true
}

resource "azurerm_postgresql_flexible_server" "catalog" {
  name                   = "psql-catalog-prod"
  resource_group_name    = azurerm_resource_group.rg.name
  location               = azurerm_resource_group.rg.location
  version                = "16"
  sku_name               = "GP_Standard_D2s_v3"
  storage_mb             = 65536
  administrator_login    = "pgadmin"
  administrator_password = random_password.db.result
}

resource "azurerm_mysql_flexible_server" "cms" {
  name                   = "mysql-cms-prod"
  resource_group_name    = azurerm_resource_group.rg.name
  location               = azurerm_resource_group.rg.location
  sku_name               = "GP_Standard_D2ds_v4"
  version                = "8.0.21"
  administrator_login    = "mysqladmin"
  administrator_password = random_password.db.result
}

resource "azurerm_mssql_managed_instance" "legacy" {
  name                         = "sqlmi-legacy-prod"
  resource_group_name          = azurerm_resource_group.rg.name
  location                     = azurerm_resource_group.rg.location
  license_type                 = "BasePrice"
  sku_name                     = "GP_Gen5"
  storage_size_in_gb           = 256
  subnet_id                    = var.subnet_id
  vcores                       = 8
  administrator_login          = "miadmin"
  administrator_login_password = random_password.db.result
}
