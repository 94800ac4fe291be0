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

# CAF shape: the service principal is optional, a dynamic block over an
# input that is not known here (it may make no block at all), and one over
# a list known empty (no block)
variable "settings" {
  type = any
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

  identity {
    type = "SystemAssigned"
  }

  azure_active_directory_role_based_access_control {
    azure_rbac_enabled = true
  }

  dynamic "service_principal" {
    for_each = try(var.settings.service_principal[*], {})
    content {
      client_id     = var.settings.service_principal.client_id
      client_secret = var.settings.service_principal.client_secret
    }
  }
}

resource "azurerm_kubernetes_cluster" "none" {
  name                   = "aks-contoso-none"
  location               = azurerm_resource_group.rg.location
  resource_group_name    = azurerm_resource_group.rg.name
  dns_prefix             = "contosonone"
  local_account_disabled = true

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

  dynamic "service_principal" {
    for_each = []
    content {
      client_id     = "00000000-0000-0000-0000-0000000000a5"
      client_secret = var.settings.client_secret
    }
  }
}
