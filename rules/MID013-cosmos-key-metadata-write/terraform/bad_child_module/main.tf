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
  name     = "rg-cosmos-contoso"
  location = "westeurope"
}

module "svc" {
  source = "./modules/svc"

  name                               = "cosmos-contoso-mod"
  resource_group_name                = azurerm_resource_group.rg.name
  location                           = azurerm_resource_group.rg.location
  access_key_metadata_writes_enabled = true
}
