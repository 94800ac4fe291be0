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

variable "client_id" {
  type = string
}

variable "client_secret" {
  type      = string
  sensitive = true
}

resource "azurerm_kubernetes_cluster" "this" {
  name                   = "aks-contoso"
  location               = azurerm_resource_group.rg.location
  resource_group_name    = azurerm_resource_group.rg.name
  dns_prefix             = "contoso"
  local_account_disabled = true

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4ds_v5"
  }

  dynamic "service_principal" {
    for_each = [var.client_id]
    content {
      client_id     = service_principal.value
      client_secret = var.client_secret
    }
  }

  azure_active_directory_role_based_access_control {
    azure_rbac_enabled = true
  }
}
