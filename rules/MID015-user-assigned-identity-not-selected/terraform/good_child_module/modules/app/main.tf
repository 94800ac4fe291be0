variable "identity_id" {
  type = string
}

variable "app_settings" {
  type    = map(string)
  default = {}
}

resource "azurerm_linux_function_app" "app" {
  name                = "func-ingest"
  location            = "westeurope"
  resource_group_name = "rg-ingest"
  service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ingest/providers/Microsoft.Web/serverFarms/asp-ingest"

  identity {
    type         = "SystemAssigned, UserAssigned"
    identity_ids = [var.identity_id]
  }

  site_config {}

  app_settings = var.app_settings
}
