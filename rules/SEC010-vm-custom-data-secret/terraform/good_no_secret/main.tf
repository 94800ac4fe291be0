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

variable "nic_ids" {
  type = list(string)
}

variable "ssh_public_key" {
  type = string
}

variable "admin_password" {
  type      = string
  sensitive = true
}

variable "custom_data" {
  description = "base64 cloud-init supplied by the pipeline"
  type        = string
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-web"
  location = "westeurope"
}

# cloud-init without any credential
resource "azurerm_linux_virtual_machine" "web" {
  name                  = "vm-web-01"
  resource_group_name   = azurerm_resource_group.rg.name
  location              = azurerm_resource_group.rg.location
  size                  = "Standard_B2s"
  admin_username        = var.admin_username
  network_interface_ids = [var.nic_ids[0]]

  custom_data = base64encode(<<-EOT
    #cloud-config
    package_upgrade: true
    packages:
      - nginx
    runcmd:
      - systemctl enable --now nginx
  EOT
  )

  user_data = filebase64("cloud-init.yaml")

  admin_ssh_key {
    username   = var.admin_username
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

# the password comes from a sensitive variable without default: not a literal
resource "azurerm_linux_virtual_machine" "jump" {
  name                            = "vm-jump-01"
  resource_group_name             = azurerm_resource_group.rg.name
  location                        = azurerm_resource_group.rg.location
  size                            = "Standard_B2s"
  admin_username                  = var.admin_username
  admin_password                  = var.admin_password
  disable_password_authentication = false
  network_interface_ids           = [var.nic_ids[1]]

  custom_data = base64encode(<<-EOT
    #cloud-config
    ssh_pwauth: true
    password: ${var.admin_password}
  EOT
  )

  user_data = base64encode(templatefile("${path.module}/agent.tftpl", { password = var.admin_password }))

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

# supplied by the pipeline: unknown
resource "azurerm_linux_virtual_machine" "batch" {
  name                  = "vm-batch-01"
  resource_group_name   = azurerm_resource_group.rg.name
  location              = azurerm_resource_group.rg.location
  size                  = "Standard_B2s"
  admin_username        = var.admin_username
  network_interface_ids = [var.nic_ids[2]]
  custom_data           = var.custom_data

  admin_ssh_key {
    username   = var.admin_username
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

variable "admin_username" {
  type = string
}
