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

variable "ssh_public_key" {
  type = string
}

resource "azapi_resource" "edge" {
  type      = "Microsoft.Compute/virtualMachines@2023-09-01"
  name      = "vm-edge-01"
  parent_id = var.resource_group_id
  location  = "westeurope"

  body = {
    properties = {
      hardwareProfile = {
        vmSize = "Standard_B2s"
      }
      osProfile = {
        computerName  = "vm-edge-01"
        adminUsername = "edgeadmin"
        linuxConfiguration = {
          disablePasswordAuthentication = true
          ssh = {
            publicKeys = [
              {
                path    = "/home/edgeadmin/.ssh/authorized_keys"
                keyData = var.ssh_public_key
              }
            ]
          }
        }
      }
      networkProfile = {
        networkInterfaces = [
          {
            id = var.nic_id
          }
        ]
      }
    }
  }
}
