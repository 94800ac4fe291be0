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

resource "azuread_application" "deployer" {
  display_name = "deployer"
}

resource "azuread_service_principal" "deployer" {
  client_id = azuread_application.deployer.client_id
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-deploy"
  location = "westeurope"
}

resource "azurerm_role_assignment" "deployer" {
  scope                = azurerm_resource_group.rg.id
  role_definition_name = "Website Contributor"
  principal_id         = azuread_service_principal.deployer.object_id
}
