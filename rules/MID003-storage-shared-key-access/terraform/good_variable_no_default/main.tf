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

variable "shared_access_key_enabled" {
  description = "Supplied by the pipeline for each environment."
  type        = bool
}

resource "azurerm_storage_account" "this" {
  name                      = "stcontosounk"
  resource_group_name       = azurerm_resource_group.rg.name
  location                  = azurerm_resource_group.rg.location
  account_tier              = "Standard"
  account_replication_type  = "LRS"
  min_tls_version           = "TLS1_2"
  shared_access_key_enabled = var.shared_access_key_enabled
}
