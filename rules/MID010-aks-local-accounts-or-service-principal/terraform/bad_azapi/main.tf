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
  name     = "rg-aks-contoso"
  location = "westeurope"
}

resource "azapi_resource" "aks" {
  type      = "Microsoft.ContainerService/managedClusters@2024-02-01"
  name      = "aks-contoso"
  parent_id = azurerm_resource_group.rg.id
  location  = azurerm_resource_group.rg.location

  identity {
    type = "SystemAssigned"
  }

  body = {
    properties = {
      dnsPrefix            = "contoso"
      disableLocalAccounts = false
      aadProfile = {
        managed         = true
        enableAzureRBAC = true
      }
      agentPoolProfiles = [
        {
          name   = "system"
          count  = 3
          vmSize = "Standard_D4ds_v5"
          mode   = "System"
        }
      ]
    }
  }
}
