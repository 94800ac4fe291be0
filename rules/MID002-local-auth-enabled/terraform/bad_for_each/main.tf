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

locals {
  regions = {
    weu = "westeurope"
    neu = "northeurope"
    eus = "eastus"
  }
}

resource "azurerm_servicebus_namespace" "this" {
  for_each = local.regions

  name                = "sb-contoso-${each.key}"
  resource_group_name = azurerm_resource_group.rg.name
  location            = each.value
  sku                 = "Standard"
  minimum_tls_version = "1.2"
  local_auth_enabled  = true
}
