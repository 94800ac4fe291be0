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
  name     = "rg-stcontoso"
  location = "westeurope"
}

resource "azapi_resource" "api" {
  type      = "Microsoft.Storage/storageAccounts@2023-05-01"
  name      = "stcontosoapi"
  parent_id = azurerm_resource_group.rg.id
  location  = azurerm_resource_group.rg.location

  body = {
    kind = "StorageV2"
    sku = {
      name = "Standard_LRS"
    }
    properties = {
      minimumTlsVersion    = "TLS1_2"
      allowSharedKeyAccess = false
    }
  }
}

variable "body" {
  description = "The whole resource body, from the platform team's catalog."
  type        = any
}

resource "azapi_resource" "hidden" {
  type      = "Microsoft.Storage/storageAccounts@2023-05-01"
  name      = "stcontosohidden"
  parent_id = azurerm_resource_group.rg.id
  location  = azurerm_resource_group.rg.location

  body = var.body
}
