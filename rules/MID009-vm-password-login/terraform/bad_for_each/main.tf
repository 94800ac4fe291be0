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
  name     = "rg-jumpbox"
  location = "westeurope"
}

resource "azurerm_network_interface" "nic" {
  for_each            = local.agents
  name                = "nic-${each.key}"
  location            = azurerm_resource_group.rg.location
  resource_group_name = azurerm_resource_group.rg.name

  ip_configuration {
    name                          = "internal"
    subnet_id                     = var.subnet_id
    private_ip_address_allocation = "Dynamic"
  }
}

variable "subnet_id" {
  type = string
}

resource "random_password" "admin" {
  length  = 24
  special = true
}

locals {
  agents = {
    build1 = "Standard_D2s_v5"
    build2 = "Standard_D2s_v5"
    build3 = "Standard_D4s_v5"
  }
}

resource "azurerm_linux_virtual_machine" "agent" {
  for_each = local.agents

  name                  = "vm-${each.key}"
  resource_group_name   = azurerm_resource_group.rg.name
  location              = azurerm_resource_group.rg.location
  size                  = each.value
  admin_username        = "azureuser"
  network_interface_ids = [azurerm_network_interface.nic[each.key].id]
  admin_password                  = random_password.admin.result
  disable_password_authentication = false

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }

  source_image_reference {
    publisher = "Canonical"
    offer     = "ubuntu-24_04-lts"
    sku       = "server"
    version   = "latest"
  }
}
