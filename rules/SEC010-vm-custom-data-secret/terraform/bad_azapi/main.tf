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

variable "admin_password" {
  type      = string
  sensitive = true
}

resource "azapi_resource" "kiosk" {
  type      = "Microsoft.Compute/virtualMachines@2023-09-01"
  name      = "vm-kiosk-01"
  parent_id = var.resource_group_id
  location  = "westeurope"

  body = {
    properties = {
      hardwareProfile = {
        vmSize = "Standard_B2s"
      }
      osProfile = {
        computerName  = "vm-kiosk-01"
        adminUsername = "kioskadmin"
        adminPassword = var.admin_password
        customData    = base64encode("#cloud-config\nssh_pwauth: true\npassword: Northwind-Kiosk-24\n")
      }
      storageProfile = {
        imageReference = {
          publisher = "Canonical"
          offer     = "0001-com-ubuntu-server-jammy"
          sku       = "22_04-lts-gen2"
          version   = "latest"
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
