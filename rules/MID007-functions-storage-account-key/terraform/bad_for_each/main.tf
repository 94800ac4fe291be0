provider "azurerm" {
  features {}
}

resource "azurerm_storage_account" "func" {
  name                     = "sttelemetryfunc"
  resource_group_name      = "rg-telemetry"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_linux_function_app" "fn" {
  for_each = toset(["ingest", "enrich"])

  name                       = "func-${each.key}"
  resource_group_name        = "rg-telemetry"
  location                   = "westeurope"
  service_plan_id            = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-telemetry/providers/Microsoft.Web/serverFarms/plan"
  storage_account_name       = azurerm_storage_account.func.name
  storage_account_access_key = azurerm_storage_account.func.secondary_access_key

  site_config {}

  identity {
    type = "SystemAssigned"
  }
}
