terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
  }
}

# Read through a member too, but that member is the secret itself.
variable "sql_secrets" {}

resource "azurerm_mssql_server" "sql" {
  name                         = "sql-orders"
  resource_group_name          = "rg-orders"
  location                     = "westeurope"
  version                      = "12.0"
  administrator_login          = var.sql_secrets.login
  administrator_login_password = var.sql_secrets.admin_password
}
