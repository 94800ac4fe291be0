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
  name     = "rg-cosmos-contoso"
  location = "westeurope"
}

variable "name" {
  type = string
}

variable "access_key_metadata_writes_enabled" {
  type    = bool
  default = false
}

resource "azurerm_cosmosdb_account" "this" {
  name                = var.name
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  offer_type          = "Standard"
  kind                = "GlobalDocumentDB"

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = "westeurope"
    failover_priority = 0
  }

  access_key_metadata_writes_enabled = var.access_key_metadata_writes_enabled
}
