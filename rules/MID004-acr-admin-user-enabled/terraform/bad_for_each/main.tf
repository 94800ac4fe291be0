terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 3.90"
    }
  }
}

provider "azurerm" {
  features {}
}

locals {
  registries = {
    dev  = { sku = "Basic", location = "westeurope" }
    test = { sku = "Standard", location = "westeurope" }
    prod = { sku = "Premium", location = "northeurope" }
  }
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-registries"
  location = "westeurope"
}

resource "azurerm_container_registry" "acr" {
  for_each = local.registries

  name                = "contoso${each.key}acr"
  resource_group_name = azurerm_resource_group.rg.name
  location            = each.value.location
  sku                 = each.value.sku
  admin_enabled       = true
}
