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

locals {
  regions = toset(["westeurope", "northeurope", "swedencentral"])
}

resource "azurerm_mssql_server" "events" {
  for_each = local.regions

  name                = "sql-events-${each.key}"
  resource_group_name = azurerm_resource_group.rg.name
  location            = each.key
  version             = "12.0"
  minimum_tls_version = "1.2"

  azuread_administrator {
    login_username = "sql-admins"
    object_id      = "00000000-0000-0000-0000-000000000001"
  }
}
