provider "azurerm" {
  features {}
}

resource "azurerm_storage_account" "func" {
  name                     = "stbillingfunc"
  resource_group_name      = "rg-billing"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

# The setting written by hand, from the account's connection string.
resource "azurerm_windows_function_app" "billing" {
  name                          = "func-billing"
  resource_group_name           = "rg-billing"
  location                      = "westeurope"
  service_plan_id               = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-billing/providers/Microsoft.Web/serverFarms/plan"
  storage_account_name          = azurerm_storage_account.func.name
  storage_uses_managed_identity = true

  site_config {}

  identity {
    type = "SystemAssigned"
  }

  app_settings = {
    AzureWebJobsStorage = azurerm_storage_account.func.primary_connection_string
  }
}
