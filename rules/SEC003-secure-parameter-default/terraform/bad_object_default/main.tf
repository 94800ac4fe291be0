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

variable "vm_admin" {
  description = "Local administrator of the build VM."
  type = object({
    username = string
    password = string
  })
  sensitive = true
  default = {
    username = "azureuser"
    password = "Build-Agent-2024!"
  }
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-build"
  location = "westeurope"
}

resource "azurerm_virtual_network" "vnet" {
  name                = "vnet-build"
  address_space       = ["10.10.0.0/16"]
  location            = azurerm_resource_group.rg.location
  resource_group_name = azurerm_resource_group.rg.name
}

resource "azurerm_subnet" "agents" {
  name                 = "snet-agents"
  resource_group_name  = azurerm_resource_group.rg.name
  virtual_network_name = azurerm_virtual_network.vnet.name
  address_prefixes     = ["10.10.1.0/24"]
}

resource "azurerm_network_interface" "agent" {
  name                = "nic-build-agent"
  location            = azurerm_resource_group.rg.location
  resource_group_name = azurerm_resource_group.rg.name

  ip_configuration {
    name                          = "internal"
    subnet_id                     = azurerm_subnet.agents.id
    private_ip_address_allocation = "Dynamic"
  }
}

resource "azurerm_windows_virtual_machine" "agent" {
  name                  = "vm-build-agent"
  resource_group_name   = azurerm_resource_group.rg.name
  location              = azurerm_resource_group.rg.location
  size                  = "Standard_D2s_v5"
  admin_username        = var.vm_admin.username
  admin_password        = var.vm_admin.password
  network_interface_ids = [azurerm_network_interface.agent.id]

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }

  source_image_reference {
    publisher = "MicrosoftWindowsServer"
    offer     = "WindowsServer"
    sku       = "2022-datacenter-azure-edition"
    version   = "latest"
  }
}
