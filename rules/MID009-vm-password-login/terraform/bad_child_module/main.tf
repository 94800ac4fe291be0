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

module "jumpbox" {
  source = "./modules/linux-vm"

  name                            = "vm-jumpbox"
  resource_group_name             = azurerm_resource_group.rg.name
  location                        = azurerm_resource_group.rg.location
  subnet_id                       = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/snet-jumpbox"
  admin_password                  = "P@ssw0rd-from-pipeline" # idlint:ignore SEC001 fixture for MID009
  disable_password_authentication = false
}
