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
  name     = "rg-reporting"
  location = "westeurope"
}

resource "azurerm_user_assigned_identity" "reporting" {
  name                = "id-reporting"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
}

module "reader" {
  source = "./modules/rbac"

  scope        = azurerm_resource_group.rg.id
  principal_id = azurerm_user_assigned_identity.reporting.principal_id
}
