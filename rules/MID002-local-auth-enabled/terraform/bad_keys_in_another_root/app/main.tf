# The application root reads the namespace's connection string through a
# data source: the platform root's namespace is in use with its keys.
provider "azurerm" {
  features {}
}

data "azurerm_servicebus_namespace" "orders" {
  name                = "sb-orders-prod"
  resource_group_name = "rg-platform"
}

resource "azurerm_linux_function_app" "orders" {
  name                          = "func-orders-prod"
  resource_group_name           = "rg-app"
  location                      = "westeurope"
  service_plan_id               = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-app/providers/Microsoft.Web/serverFarms/plan"
  storage_account_name          = "stordersprod"
  storage_uses_managed_identity = true

  site_config {}

  identity {
    type = "SystemAssigned"
  }

  app_settings = {
    ServiceBusConnection = data.azurerm_servicebus_namespace.orders.default_primary_connection_string
  }
}
