provider "azurerm" {
  features {}
}

resource "azurerm_storage_account" "flex" {
  name                     = "stflex"
  resource_group_name      = "rg-flex"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_function_app_flex_consumption" "flex" {
  name                        = "func-flex"
  resource_group_name         = "rg-flex"
  location                    = "westeurope"
  service_plan_id             = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-flex/providers/Microsoft.Web/serverFarms/plan"
  storage_container_type      = "blobContainer"
  storage_container_endpoint  = "https://stflex.blob.core.windows.net/deployments"
  storage_authentication_type = "StorageAccountConnectionString"
  storage_access_key          = azurerm_storage_account.flex.primary_access_key
  runtime_name                = "python"
  runtime_version             = "3.11"

  site_config {}
}
