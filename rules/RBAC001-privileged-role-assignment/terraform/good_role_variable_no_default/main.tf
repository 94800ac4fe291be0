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

variable "role_name" {
  description = "Role given to the app identity; chosen per environment by the pipeline."
  type        = string
}

variable "principal_id" {
  type = string
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-app"
  location = "westeurope"
}

resource "azurerm_role_assignment" "app" {
  scope                = azurerm_resource_group.rg.id
  role_definition_name = var.role_name
  principal_id         = var.principal_id
}
