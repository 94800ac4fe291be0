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
  name     = "rg-shop"
  location = "westeurope"
}

resource "azurerm_container_registry" "acr" {
  name                = "crshop"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  sku                 = "Standard"
}

resource "azurerm_user_assigned_identity" "shop" {
  name                = "id-shop"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
}

module "pull" {
  source = "./modules/rbac"

  scope        = azurerm_resource_group.rg.id
  role_name    = "AcrPull"
  principal_id = azurerm_user_assigned_identity.shop.principal_id
}
