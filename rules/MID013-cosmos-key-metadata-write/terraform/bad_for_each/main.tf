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

locals {
  regions = {
    weu = "westeurope"
    neu = "northeurope"
    eus = "eastus"
  }
}

resource "azurerm_cosmosdb_account" "this" {
  for_each = local.regions

  name                = "cosmos-contoso-${each.key}"
  resource_group_name = azurerm_resource_group.rg.name
  location            = each.value
  offer_type          = "Standard"
  kind                = "GlobalDocumentDB"

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = "westeurope"
    failover_priority = 0
  }

  access_key_metadata_writes_enabled = true
}
