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

# The service principal exists already: a data source, not created here.
data "azuread_service_principal" "deployer" {
  display_name = "deployer"
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-deploy"
  location = "westeurope"
}

resource "azurerm_role_assignment" "deployer" {
  scope              = azurerm_resource_group.rg.id
  role_definition_id = "/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7"
  principal_id       = data.azuread_service_principal.deployer.object_id
}
