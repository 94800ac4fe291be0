terraform {
  required_providers {
    azapi = {
      source  = "Azure/azapi"
      version = "~> 2.0"
    }
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
  }
}

provider "azurerm" {
  features {}
}

provider "azapi" {}

resource "azurerm_resource_group" "rg" {
  name     = "rg-cosmos-contoso"
  location = "westeurope"
}

resource "azapi_resource" "api" {
  type      = "Microsoft.DocumentDB/databaseAccounts@2024-05-15"
  name      = "cosmos-contoso-api"
  parent_id = azurerm_resource_group.rg.id
  location  = azurerm_resource_group.rg.location

  body = {
    kind = "GlobalDocumentDB"
    properties = {
      databaseAccountOfferType = "Standard"
      locations = [
        {
          locationName     = "westeurope"
          failoverPriority = 0
        }
      ]
      disableKeyBasedMetadataWriteAccess = false
    }
  }
}
