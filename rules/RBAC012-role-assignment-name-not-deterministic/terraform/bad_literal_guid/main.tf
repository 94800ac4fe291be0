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

resource "azurerm_role_assignment" "reader" {
  name               = "5d0b8a3e-71c2-4f9e-a6d4-2c8e1b7f9a05"
  scope              = azurerm_resource_group.rg.id
  role_definition_id = "/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7"
  principal_id       = var.principal_id
  principal_type     = "ServicePrincipal"
}
