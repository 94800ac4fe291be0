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
  name     = "rg-stcontoso"
  location = "westeurope"
}

locals {
  regions = {
    weu = "westeurope"
    neu = "northeurope"
    eus = "eastus"
  }
}

resource "azurerm_storage_account" "this" {
  for_each = local.regions

  name                      = "stcontoso${each.key}"
  resource_group_name       = azurerm_resource_group.rg.name
  location                  = each.value
  account_tier              = "Standard"
  account_replication_type  = "LRS"
  min_tls_version           = "TLS1_2"
  shared_access_key_enabled = true
}
