resource "azurerm_storage_account" "func" {
  name                     = "stfuncorders"
  resource_group_name      = "rg-orders"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_linux_function_app" "orders" {
  name                          = "func-orders"
  resource_group_name           = "rg-orders"
  location                      = "westeurope"
  service_plan_id               = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-orders/providers/Microsoft.Web/serverFarms/asp-orders"
  storage_account_name          = azurerm_storage_account.func.name
  storage_uses_managed_identity = true

  identity {
    type = "SystemAssigned"
  }

  site_config {}
}

resource "azurerm_kubernetes_cluster" "orders" {
  name                = "aks-orders"
  location            = "westeurope"
  resource_group_name = "rg-orders"
  dns_prefix          = "aks-orders"

  default_node_pool {
    name       = "system"
    node_count = 1
    vm_size    = "Standard_D2s_v5"
  }

  identity {
    type = "SystemAssigned"
  }
}

# A VM that calls no Azure service: nothing for an identity to replace.
resource "azurerm_linux_virtual_machine" "web" {
  name                  = "vm-web"
  resource_group_name   = "rg-orders"
  location              = "westeurope"
  size                  = "Standard_B2s"
  admin_username        = "azureops"
  network_interface_ids = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-orders/providers/Microsoft.Network/networkInterfaces/nic-web"]

  admin_ssh_key {
    username   = "azureops"
    public_key = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC0 azureops@example"
  }

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Standard_LRS"
  }

  source_image_reference {
    publisher = "Canonical"
    offer     = "0001-com-ubuntu-server-jammy"
    sku       = "22_04-lts"
    version   = "latest"
  }
}
