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

variable "enabled" {
  type    = bool
  default = false
}

variable "client_id" {
  type = string
}

variable "client_secret" {
  type      = string
  sensitive = true
}

resource "azurerm_kubernetes_cluster" "this" {
  count = var.enabled ? 1 : 0

  name                   = "aks-contoso"
  location               = azurerm_resource_group.rg.location
  resource_group_name    = azurerm_resource_group.rg.name
  dns_prefix             = "contoso"
  local_account_disabled = false

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4ds_v5"
  }

  service_principal {
    client_id     = var.client_id
    client_secret = var.client_secret
  }

  azure_active_directory_role_based_access_control {
    azure_rbac_enabled = true
  }
}
