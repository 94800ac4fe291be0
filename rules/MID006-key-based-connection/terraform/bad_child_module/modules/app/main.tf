variable "storage_key" {
  type      = string
  sensitive = true
}

variable "storage_account" {
  type = string
}

resource "azurerm_windows_web_app" "uploads" {
  name                = "app-uploads"
  resource_group_name = "rg-uploads"
  location            = "westeurope"
  service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-uploads/providers/Microsoft.Web/serverFarms/plan"

  site_config {}

  identity {
    type = "SystemAssigned"
  }

  app_settings = {
    UPLOADS_ACCOUNT = var.storage_account
    UPLOADS_KEY     = var.storage_key
  }
}
