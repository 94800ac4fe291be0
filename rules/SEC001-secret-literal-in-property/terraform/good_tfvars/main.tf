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

resource "azurerm_resource_group" "rg" {
  name     = "rg-orders-dev"
  location = "westeurope"
}

# The literal is in terraform.tfvars: SEC017 reports the assignment there.
resource "azurerm_postgresql_flexible_server" "db" {
  name                   = "psql-orders-dev"
  resource_group_name    = azurerm_resource_group.rg.name
  location               = azurerm_resource_group.rg.location
  version                = "16"
  sku_name               = "B_Standard_B1ms"
  administrator_login    = "pgadmin"
  administrator_password = var.db_admin_password
}
