terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
    azuread = {
      source  = "hashicorp/azuread"
      version = "~> 3.0"
    }
  }
}

provider "azurerm" {
  features {}
}

data "azuread_user" "alice" {
  user_principal_name = "alice@contoso.com"
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-dev"
  location = "westeurope"
}

resource "azurerm_role_assignment" "alice_reader" {
  scope                = azurerm_resource_group.rg.id
  role_definition_name = "Reader"
  principal_id         = data.azuread_user.alice.object_id
}
