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

variable "administrator_login_password" {
  type      = string
  sensitive = true
}

variable "database_sku" {
  description = "Not a secret: a plain variable with a default."
  type        = string
  default     = "S0"
}

variable "max_size_gb" {
  type      = number
  sensitive = false
  default   = 32
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-orders-db"
  location = "westeurope"
}

resource "azurerm_mssql_server" "sql" {
  name                         = "sql-orders-prod"
  resource_group_name          = azurerm_resource_group.rg.name
  location                     = azurerm_resource_group.rg.location
  version                      = "12.0"
  administrator_login          = "sqladmin"
  administrator_login_password = var.administrator_login_password
  minimum_tls_version          = "1.2"
}


resource "azurerm_mssql_database" "orders" {
  name        = "orders"
  server_id   = azurerm_mssql_server.sql.id
  sku_name    = var.database_sku
  max_size_gb = var.max_size_gb
}
