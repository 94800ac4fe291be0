terraform {
  required_providers {
    azapi = {
      source  = "Azure/azapi"
      version = "~> 2.0"
    }
  }
}

provider "azapi" {}

variable "resource_group_id" {
  type = string
}

variable "nic_id" {
  type = string
}

resource "azapi_resource" "jumpbox" {
  type      = "Microsoft.Compute/virtualMachines@2024-03-01"
  name      = "vm-jumpbox"
  parent_id = var.resource_group_id
  location  = "westeurope"

  body = {
    properties = {
      hardwareProfile = {
        vmSize = "Standard_B2s"
      }
      osProfile = {
        computerName  = "jumpbox"
        adminUsername = "azureuser"
        linuxConfiguration = {
          disablePasswordAuthentication = false
        }
      }
      storageProfile = {
        imageReference = {
          publisher = "Canonical"
          offer     = "ubuntu-24_04-lts"
          sku       = "server"
          version   = "latest"
        }
      }
      networkProfile = {
        networkInterfaces = [{ id = var.nic_id }]
      }
    }
  }
}
