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

resource "azurerm_resource_group" "rg" {
  name     = "rg-sb-contoso"
  location = "westeurope"
}

resource "azurerm_servicebus_namespace" "this" {
  name                = "sb-contoso-def"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  sku                 = "Standard"
  minimum_tls_version = "1.2"
  local_auth_enabled  = var.local_auth_enabled
}
