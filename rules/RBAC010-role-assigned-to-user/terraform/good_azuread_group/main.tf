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

resource "azuread_group" "developers" {
  display_name     = "developers"
  security_enabled = true
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-dev"
  location = "westeurope"
}

resource "azurerm_role_assignment" "developers_reader" {
  scope              = azurerm_resource_group.rg.id
  role_definition_id = "/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7"
  principal_id       = azuread_group.developers.object_id
  principal_type     = "Group"
}
