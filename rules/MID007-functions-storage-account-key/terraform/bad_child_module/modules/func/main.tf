variable "storage" {
  type = string
}

variable "storage_key" {
  type      = string
  sensitive = true
}

resource "azurerm_linux_function_app" "this" {
  name                       = "func-shipping"
  resource_group_name        = "rg-shipping"
  location                   = "westeurope"
  service_plan_id            = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-shipping/providers/Microsoft.Web/serverFarms/plan"
  storage_account_name       = var.storage
  storage_account_access_key = var.storage_key

  site_config {}

  identity {
    type = "SystemAssigned"
  }
}
