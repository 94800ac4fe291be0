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

variable "admin_username" {
  description = "Supplied by the pipeline."
  type        = string
}

variable "ssh_public_key" {
  type = string
}

variable "nic_id" {
  type = string
}

variable "sql_admins_group_object_id" {
  type = string
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-app"
  location = "westeurope"
}

resource "azurerm_linux_virtual_machine" "app" {
  name                  = "vm-app-01"
  resource_group_name   = azurerm_resource_group.rg.name
  location              = azurerm_resource_group.rg.location
  size                  = "Standard_B2s"
  admin_username        = var.admin_username
  network_interface_ids = [var.nic_id]

  admin_ssh_key {
    username   = var.admin_username
    public_key = var.ssh_public_key
  }

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Standard_LRS"
  }

  source_image_reference {
    publisher = "Canonical"
    offer     = "0001-com-ubuntu-server-jammy"
    sku       = "22_04-lts-gen2"
    version   = "latest"
  }
}

# Entra-only SQL: no administrator_login at all
resource "azurerm_mssql_server" "app" {
  name                = "sql-app-prod"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  version             = "12.0"

  azuread_administrator {
    login_username              = "sg-sql-admins"
    object_id                   = var.sql_admins_group_object_id
    azuread_authentication_only = true
  }
}

# the child's default "azureuser" is overridden by an input without value
module "batch_vm" {
  source = "./modules/vm"

  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  admin_username      = var.admin_username
  ssh_public_key      = var.ssh_public_key
  nic_id              = var.nic_id
}
