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
  name     = "rg-orders"
  location = "westeurope"
}

resource "azurerm_user_assigned_identity" "orders" {
  name                = "id-orders"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
}

module "orders_rbac" {
  source = "./modules/rbac"

  scope        = azurerm_resource_group.rg.id
  role_name    = "Azure Service Bus Data Owner"
  principal_id = azurerm_user_assigned_identity.orders.principal_id
}
