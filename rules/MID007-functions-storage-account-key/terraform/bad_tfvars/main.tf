provider "azurerm" {
  features {}
}

variable "storage_key" {
  type      = string
  sensitive = true
}

resource "azurerm_linux_function_app" "reports" {
  name                       = "func-reports"
  resource_group_name        = "rg-reports"
  location                   = "westeurope"
  service_plan_id            = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-reports/providers/Microsoft.Web/serverFarms/plan"
  storage_account_name       = "streportsfunc"
  storage_account_access_key = var.storage_key

  site_config {}

  identity {
    type = "SystemAssigned"
  }
}
