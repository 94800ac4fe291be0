variable "subnet_nic_id" {
  type = string
}

variable "admin_password" {
  type      = string
  sensitive = true
}

resource "azurerm_windows_virtual_machine" "iis" {
  name                  = "vm-iis"
  resource_group_name   = "rg-web"
  location              = "westeurope"
  size                  = "Standard_B2s"
  admin_username        = "azureuser"
  admin_password        = var.admin_password
  network_interface_ids = [var.subnet_nic_id]

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }

  source_image_reference {
    publisher = "MicrosoftWindowsServer"
    offer     = "WindowsServer"
    sku       = "2022-datacenter-azure-edition"
    version   = "latest"
  }
}
