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

variable "principal_id" {
  type = string
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-app"
  location = "westeurope"
}

# No name: the provider generates one and keeps it in state.
resource "azurerm_role_assignment" "reader" {
  scope              = azurerm_resource_group.rg.id
  role_definition_id = "/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7"
  principal_id       = var.principal_id
  principal_type     = "ServicePrincipal"
}
