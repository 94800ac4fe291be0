provider "azurerm" {
  features {}
}

resource "azurerm_eventhub_namespace" "hub" {
  name                = "evhns-telemetry"
  resource_group_name = "rg-telemetry"
  location            = "westeurope"
  sku                 = "Standard"
}

resource "azurerm_linux_function_app" "fn" {
  for_each = toset(["ingest", "enrich"])

  name                          = "func-${each.key}"
  resource_group_name           = "rg-telemetry"
  location                      = "westeurope"
  service_plan_id               = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-telemetry/providers/Microsoft.Web/serverFarms/plan"
  storage_account_name          = "sttelemetryfunc"
  storage_uses_managed_identity = true

  site_config {}

  identity {
    type = "SystemAssigned"
  }

  app_settings = {
    EventHubConnection = azurerm_eventhub_namespace.hub.default_primary_connection_string
  }
}
