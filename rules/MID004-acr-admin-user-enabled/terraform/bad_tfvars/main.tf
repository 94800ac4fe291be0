terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 3.0"
    }
  }
}

provider "azurerm" {
  features {}
}

variable "registry_name" {
  type = string
}

variable "admin_enabled" {
  type    = bool
  default = false
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-legacy-registry"
  location = "westeurope"
}

resource "azurerm_container_registry" "acr" {
  name                = var.registry_name
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  sku                 = "Basic"
  admin_enabled       = var.admin_enabled
}
