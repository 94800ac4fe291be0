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
  name     = "rg-stcontoso"
  location = "westeurope"
}

module "svc" {
  source = "./modules/svc"

  name                      = "stcontosomod"
  resource_group_name       = azurerm_resource_group.rg.name
  location                  = azurerm_resource_group.rg.location
  shared_access_key_enabled = false
}
