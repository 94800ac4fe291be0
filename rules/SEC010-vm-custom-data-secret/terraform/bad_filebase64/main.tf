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

variable "nic_id" {
  type = string
}

variable "ssh_public_key" {
  type = string
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-ingest"
  location = "westeurope"
}

resource "azurerm_linux_virtual_machine" "ingest" {
  name                  = "vm-ingest-01"
  resource_group_name   = azurerm_resource_group.rg.name
  location              = azurerm_resource_group.rg.location
  size                  = "Standard_D2s_v5"
  admin_username        = "ingestadmin"
  network_interface_ids = [var.nic_id]

  # the file is read and base64-encoded at plan time: its content is what the VM gets
  custom_data = filebase64("cloud-init.yaml")

  admin_ssh_key {
    username   = "ingestadmin"
    public_key = var.ssh_public_key
  }

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }

  source_image_reference {
    publisher = "Canonical"
    offer     = "0001-com-ubuntu-server-jammy"
    sku       = "22_04-lts-gen2"
    version   = "latest"
  }
}
