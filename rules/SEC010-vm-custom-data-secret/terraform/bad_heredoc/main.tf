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

variable "admin_password" {
  type      = string
  sensitive = true
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-build"
  location = "westeurope"
}

resource "azurerm_linux_virtual_machine" "build" {
  name                            = "vm-build-01"
  resource_group_name             = azurerm_resource_group.rg.name
  location                        = azurerm_resource_group.rg.location
  size                            = "Standard_D2s_v5"
  admin_username                  = "buildadmin"
  admin_password                  = var.admin_password
  disable_password_authentication = false
  network_interface_ids           = [var.nic_id]

  custom_data = base64encode(<<-EOT
    #cloud-config
    ssh_pwauth: true
    password: Contoso-Build-2024!
    chpasswd:
      expire: false
    packages:
      - docker.io
  EOT
  )

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
