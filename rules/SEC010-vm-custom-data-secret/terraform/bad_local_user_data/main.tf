terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 3.100"
    }
  }
}

provider "azurerm" {
  features {}
}

variable "subnet_id" {
  type = string
}

variable "ssh_public_key" {
  type = string
}

locals {
  agent_pool = "linux-build"
  bootstrap  = <<-EOT
    #!/bin/bash
    set -euo pipefail
    /opt/agent/config.sh --unattended --pool ${local.agent_pool} \
      --url https://dev.azure.com/contoso --auth negotiate \
      --username svc-build --password=Tailspin-Agent-2024
  EOT
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-agents"
  location = "westeurope"
}

resource "azurerm_linux_virtual_machine_scale_set" "agents" {
  name                = "vmss-build-agents"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  sku                 = "Standard_D4s_v5"
  instances           = 2
  admin_username      = "agentadmin"

  user_data = base64encode(local.bootstrap)

  admin_ssh_key {
    username   = "agentadmin"
    public_key = var.ssh_public_key
  }

  source_image_reference {
    publisher = "Canonical"
    offer     = "0001-com-ubuntu-server-jammy"
    sku       = "22_04-lts-gen2"
    version   = "latest"
  }

  os_disk {
    storage_account_type = "Standard_LRS"
    caching              = "ReadWrite"
  }

  network_interface {
    name    = "nic"
    primary = true

    ip_configuration {
      name      = "internal"
      primary   = true
      subnet_id = var.subnet_id
    }
  }
}
