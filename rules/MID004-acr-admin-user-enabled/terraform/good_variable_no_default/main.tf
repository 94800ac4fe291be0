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

variable "admin_enabled" {
  description = "Supplied by the pipeline for each environment."
  type        = bool
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-registry"
  location = "westeurope"
}

resource "azurerm_container_registry" "acr" {
  name                = "contosoacr"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  sku                 = "Standard"
  admin_enabled       = var.admin_enabled
}
