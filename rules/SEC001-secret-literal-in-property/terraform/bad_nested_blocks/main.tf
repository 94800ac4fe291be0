terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 3.110"
    }
  }
}

provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-orders-aks"
  location = "westeurope"
}

resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-orders"
  location            = azurerm_resource_group.rg.location
  resource_group_name = azurerm_resource_group.rg.name
  dns_prefix          = "aks-orders"

  default_node_pool {
    name       = "system"
    node_count = 2
    vm_size    = "Standard_D4s_v5"
  }

  windows_profile {
    admin_username = "winadmin"
    admin_password = "Aks-Win-Node-2024!"
  }

  service_principal {
    client_id     = "6d1b3f52-8a0e-4c7d-9b21-3e5f7a9c0d14"
    client_secret = "aks-sp-secret-copied-from-portal"
  }
}

resource "azurerm_container_group" "migrate" {
  name                = "ci-orders-migrate"
  location            = azurerm_resource_group.rg.location
  resource_group_name = azurerm_resource_group.rg.name
  os_type             = "Linux"
  restart_policy      = "Never"

  image_registry_credential {
    server   = "crorders.azurecr.io"
    username = "crorders"
    password = "acr-admin-password-2024"
  }

  container {
    name   = "migrate"
    image  = "crorders.azurecr.io/orders/migrate:1.4.2"
    cpu    = 1
    memory = 1
  }
}

resource "azurerm_virtual_network_gateway_connection" "onprem" {
  name                       = "cn-orders-onprem"
  location                   = azurerm_resource_group.rg.location
  resource_group_name        = azurerm_resource_group.rg.name
  type                       = "IPsec"
  virtual_network_gateway_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-orders-aks/providers/Microsoft.Network/virtualNetworkGateways/vgw-orders"
  local_network_gateway_id   = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-orders-aks/providers/Microsoft.Network/localNetworkGateways/lgw-datacenter"
  shared_key                 = "ipsec-psk-datacenter-2019"
}
