terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 3.0"
    }
  }
}

provider "azurerm" {
  features {}
}

# The provider's first scale set shape (deprecated, still in use).
resource "azurerm_virtual_machine_scale_set" "legacy" {
  name                = "vmss-legacy"
  location            = "westeurope"
  resource_group_name = "rg-compute"
  upgrade_policy_mode = "Manual"

  sku {
    name     = "Standard_F2"
    tier     = "Standard"
    capacity = 2
  }

  storage_profile_image_reference {
    publisher = "Canonical"
    offer     = "0001-com-ubuntu-server-jammy"
    sku       = "22_04-lts"
    version   = "latest"
  }

  storage_profile_os_disk {
    caching           = "ReadWrite"
    create_option     = "FromImage"
    managed_disk_type = "Standard_LRS"
  }

  os_profile {
    computer_name_prefix = "legacy"
    admin_username       = "myadmin"
    admin_password       = "Passwword1234"
  }

  network_profile {
    name    = "nic"
    primary = true

    ip_configuration {
      name      = "ipconfig"
      primary   = true
      subnet_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/compute"
    }
  }
}

# Flexible orchestration: the login sits in the OS configuration block.
resource "azurerm_orchestrated_virtual_machine_scale_set" "windows" {
  name                        = "vmss-flex-win"
  location                    = "westeurope"
  resource_group_name         = "rg-compute"
  platform_fault_domain_count = 1
  sku_name                    = "Standard_D2s_v5"
  instances                   = 2

  os_profile {
    windows_configuration {
      computer_name_prefix = "flexwin"
      admin_username       = "adminuser"
      admin_password       = "P@$$w0rd1234!"
    }
  }
}

resource "azurerm_orchestrated_virtual_machine_scale_set" "linux" {
  name                        = "vmss-flex-linux"
  location                    = "westeurope"
  resource_group_name         = "rg-compute"
  platform_fault_domain_count = 1
  sku_name                    = "Standard_D2s_v5"
  instances                   = 2

  os_profile {
    linux_configuration {
      computer_name_prefix            = "flexlinux"
      admin_username                  = "linuxadmin"
      admin_password                  = "L1nux-Passw0rd!"
      disable_password_authentication = false
    }
  }
}
