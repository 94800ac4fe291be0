provider "azurerm" {
  features {}
}

resource "azurerm_storage_account" "func" {
  name                     = "stordersfunc"
  resource_group_name      = "rg-orders"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_linux_function_app" "orders" {
  name                       = "func-orders"
  resource_group_name        = "rg-orders"
  location                   = "westeurope"
  service_plan_id            = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-orders/providers/Microsoft.Web/serverFarms/plan"
  storage_account_name       = azurerm_storage_account.func.name
  storage_account_access_key = azurerm_storage_account.func.primary_access_key

  site_config {}

  identity {
    type = "SystemAssigned"
  }
}
