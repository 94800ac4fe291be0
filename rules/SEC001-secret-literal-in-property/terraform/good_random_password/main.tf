terraform {
  required_version = ">= 1.11"
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.23"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.7"
    }
  }
}

provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-orders"
  location = "westeurope"
}

resource "random_password" "vm" {
  length  = 24
  special = true
}

resource "azurerm_linux_virtual_machine" "jump" {
  name                            = "vm-orders-jump"
  resource_group_name             = azurerm_resource_group.rg.name
  location                        = azurerm_resource_group.rg.location
  size                            = "Standard_B2s"
  admin_username                  = "azureuser"
  admin_password                  = random_password.vm.result
  disable_password_authentication = false
  network_interface_ids           = [var.nic_id]

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Standard_LRS"
  }

  source_image_reference {
    publisher = "Canonical"
    offer     = "ubuntu-24_04-lts"
    sku       = "server"
    version   = "latest"
  }
}

# Terraform 1.11+: an ephemeral password sent through write-only attributes never reaches state
ephemeral "random_password" "sql" {
  length  = 32
  special = true
}

resource "azurerm_mssql_server" "sql" {
  name                                    = "sql-orders-prod"
  resource_group_name                     = azurerm_resource_group.rg.name
  location                                = azurerm_resource_group.rg.location
  version                                 = "12.0"
  administrator_login                     = "sqladmin"
  administrator_login_password_wo         = ephemeral.random_password.sql.result
  administrator_login_password_wo_version = 1
  minimum_tls_version                     = "1.2"
}

resource "azurerm_key_vault_secret" "sql" {
  name             = "sql-admin-password"
  key_vault_id     = var.key_vault_id
  value_wo         = ephemeral.random_password.sql.result
  value_wo_version = 1
}

variable "nic_id" {
  type = string
}

variable "key_vault_id" {
  type = string
}
