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
  name     = "rg-catalog"
  location = var.location
}

resource "azurerm_postgresql_flexible_server" "catalog" {
  name                   = "psql-catalog-prod"
  resource_group_name    = azurerm_resource_group.rg.name
  location               = azurerm_resource_group.rg.location
  version                = "16"
  sku_name               = var.sku_name
  administrator_login    = "pgadmin"
  administrator_password = var.db_admin_password
}

resource "azurerm_monitor_action_group" "ops" {
  name                = "ag-catalog-ops"
  resource_group_name = azurerm_resource_group.rg.name
  short_name          = "catops"

  webhook_receiver {
    name        = "teams"
    service_uri = var.notification_webhook
  }
}
