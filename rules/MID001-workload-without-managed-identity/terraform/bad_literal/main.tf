resource "azurerm_storage_account" "func" {
  name                     = "stfuncorders"
  resource_group_name      = "rg-orders"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_linux_function_app" "orders" {
  name                       = "func-orders"
  resource_group_name        = "rg-orders"
  location                   = "westeurope"
  service_plan_id            = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-orders/providers/Microsoft.Web/serverFarms/asp-orders"
  storage_account_name       = azurerm_storage_account.func.name
  storage_account_access_key = azurerm_storage_account.func.primary_access_key

  site_config {}
}

variable "aks_client_secret" {
  type      = string
  sensitive = true
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

  service_principal {
    client_id     = "0c3f1b2a-9d8e-4f7a-b6c5-d4e3f2a1b0c9"
    client_secret = var.aks_client_secret
  }
}
