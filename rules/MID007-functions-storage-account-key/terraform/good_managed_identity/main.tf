provider "azurerm" {
  features {}
}

variable "legacy_enabled" {
  type    = bool
  default = false
}

variable "storage_key" {
  type      = string
  sensitive = true
}

resource "azurerm_storage_account" "func" {
  name                     = "stordersfunc"
  resource_group_name      = "rg-orders"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_linux_function_app" "orders" {
  name                          = "func-orders"
  resource_group_name           = "rg-orders"
  location                      = "westeurope"
  service_plan_id               = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-orders/providers/Microsoft.Web/serverFarms/plan"
  storage_account_name          = azurerm_storage_account.func.name
  storage_uses_managed_identity = true

  site_config {}

  identity {
    type = "SystemAssigned"
  }
}

# A key given at apply time: what it holds is not known here.
resource "azurerm_linux_function_app" "input" {
  name                       = "func-input"
  resource_group_name        = "rg-orders"
  location                   = "westeurope"
  service_plan_id            = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-orders/providers/Microsoft.Web/serverFarms/plan"
  storage_account_name       = azurerm_storage_account.func.name
  storage_account_access_key = var.storage_key

  site_config {}
}

# count = 0 deploys nothing.
resource "azurerm_windows_function_app" "legacy" {
  count                      = var.legacy_enabled ? 1 : 0
  name                       = "func-legacy"
  resource_group_name        = "rg-orders"
  location                   = "westeurope"
  service_plan_id            = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-orders/providers/Microsoft.Web/serverFarms/plan"
  storage_account_name       = azurerm_storage_account.func.name
  storage_account_access_key = azurerm_storage_account.func.primary_access_key

  site_config {}
}

resource "azurerm_function_app_flex_consumption" "flex" {
  name                        = "func-flex"
  resource_group_name         = "rg-orders"
  location                    = "westeurope"
  service_plan_id             = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-orders/providers/Microsoft.Web/serverFarms/plan"
  storage_container_type      = "blobContainer"
  storage_container_endpoint  = "https://stordersfunc.blob.core.windows.net/deployments"
  storage_authentication_type = "SystemAssignedIdentity"
  runtime_name                = "python"
  runtime_version             = "3.11"

  site_config {}

  identity {
    type = "SystemAssigned"
  }
}
