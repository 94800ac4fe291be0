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
  name     = "rg-aks-contoso"
  location = "westeurope"
}

locals {
  regions = {
    weu = "westeurope"
    neu = "northeurope"
    eus = "eastus"
  }
}

resource "azurerm_kubernetes_cluster" "this" {
  for_each = local.regions

  name                   = "aks-contoso-${each.key}"
  location               = each.value
  resource_group_name    = azurerm_resource_group.rg.name
  dns_prefix             = "contoso${each.key}"
  local_account_disabled = false

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4ds_v5"
  }

  identity {
    type = "SystemAssigned"
  }

  azure_active_directory_role_based_access_control {
    azure_rbac_enabled = true
  }
}
