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
  name     = "rg-sb-contoso"
  location = "westeurope"
}

resource "azapi_resource" "api" {
  type      = "Microsoft.ServiceBus/namespaces@2022-10-01-preview"
  name      = "sb-contoso-api"
  parent_id = azurerm_resource_group.rg.id
  location  = azurerm_resource_group.rg.location

  body = {
    sku = {
      name = "Standard"
      tier = "Standard"
    }
    properties = {
      minimumTlsVersion = "1.2"
      disableLocalAuth  = true
    }
  }
}

variable "body" {
  description = "The whole resource body, from the platform team's catalog."
  type        = any
}

resource "azapi_resource" "hidden" {
  type      = "Microsoft.ServiceBus/namespaces@2022-10-01-preview"
  name      = "sb-contoso-hidden"
  parent_id = azurerm_resource_group.rg.id
  location  = azurerm_resource_group.rg.location

  body = var.body
}
