terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 3.100"
    }
  }
}

provider "azurerm" {
  features {}
}

variable "admin_username" {
  type    = string
  default = "vmadmin"
}

variable "admin_password" {
  type      = string
  sensitive = true
}

variable "subnet_id" {
  type = string
}

variable "ssh_public_key" {
  type = string
}

locals {
  aks_admin = "aks${"admin"}"
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-platform"
  location = "westeurope"
}

resource "azurerm_windows_virtual_machine_scale_set" "workers" {
  name                 = "vmss-workers"
  resource_group_name  = azurerm_resource_group.rg.name
  location             = azurerm_resource_group.rg.location
  sku                  = "Standard_D2s_v5"
  instances            = 2
  admin_username       = var.admin_username
  admin_password       = var.admin_password
  computer_name_prefix = "wrk"

  source_image_reference {
    publisher = "MicrosoftWindowsServer"
    offer     = "WindowsServer"
    sku       = "2022-datacenter-azure-edition"
    version   = "latest"
  }

  os_disk {
    storage_account_type = "Standard_LRS"
    caching              = "ReadWrite"
  }

  network_interface {
    name    = "nic"
    primary = true

    ip_configuration {
      name      = "internal"
      primary   = true
      subnet_id = var.subnet_id
    }
  }
}

resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-platform"
  location            = azurerm_resource_group.rg.location
  resource_group_name = azurerm_resource_group.rg.name
  dns_prefix          = "aks-platform"

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4s_v5"
  }

  identity {
    type = "SystemAssigned"
  }

  linux_profile {
    admin_username = local.aks_admin

    ssh_key {
      key_data = var.ssh_public_key
    }
  }

  windows_profile {
    admin_username = "akswinadmin"
    admin_password = var.admin_password
  }
}
