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

resource "azurerm_user_assigned_identity" "shop" {
  name                = "id-shop"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
}

resource "azurerm_role_assignment" "reader" {
  scope              = azurerm_resource_group.rg.id
  role_definition_id = "/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7"
  principal_id       = azurerm_user_assigned_identity.shop.principal_id
  principal_type     = "ServicePrincipal"
}
