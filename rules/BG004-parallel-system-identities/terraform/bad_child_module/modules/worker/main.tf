variable "instance_count" {
  type    = number
  default = 1
}

variable "location" {
  type = string
}

variable "resource_group" {
  type = string
}

variable "storage_id" {
  type = string
}

resource "azurerm_linux_virtual_machine_scale_set" "worker" {
  count               = var.instance_count
  name                = "vmss-ingest-${count.index}"
  resource_group_name = var.resource_group
  location            = var.location
  sku                 = "Standard_D2s_v5"
  instances           = 2
  admin_username      = "azureuser"

  admin_ssh_key {
    username   = "azureuser"
    public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExampleKeyOnly azureuser"
  }

  identity {
    type = "SystemAssigned"
  }

  source_image_reference {
    publisher = "Canonical"
    offer     = "0001-com-ubuntu-server-jammy"
    sku       = "22_04-lts"
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
      name      = "ip"
      primary   = true
      subnet_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/workers"
    }
  }
}

resource "azurerm_role_assignment" "worker_blob" {
  count                = var.instance_count
  scope                = var.storage_id
  role_definition_name = "Storage Blob Data Contributor"
  principal_id         = azurerm_linux_virtual_machine_scale_set.worker[count.index].identity[0].principal_id
}
