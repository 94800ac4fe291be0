provider "azurerm" {
  features {}
}

variable "legacy_enabled" {
  type    = bool
  default = false
}

variable "archive_key" {
  type      = string
  sensitive = true
}

resource "azurerm_servicebus_namespace" "sb" {
  name                = "sb-orders"
  resource_group_name = "rg-orders"
  location            = "westeurope"
  sku                 = "Standard"
  local_auth_enabled  = false
}

resource "azurerm_cosmosdb_account" "mongo" {
  name                = "cosmos-mongo"
  resource_group_name = "rg-orders"
  location            = "westeurope"
  offer_type          = "Standard"
  kind                = "MongoDB"

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = "westeurope"
    failover_priority = 0
  }
}

resource "azurerm_storage_account" "func" {
  name                     = "stordersfunc"
  resource_group_name      = "rg-orders"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

# Identity-based connections; the Mongo API takes keys only; an unknown
# variable proves nothing; the runtime storage key is MID007's.
resource "azurerm_linux_function_app" "orders" {
  name                       = "func-orders"
  resource_group_name        = "rg-orders"
  location                   = "westeurope"
  service_plan_id            = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-orders/providers/Microsoft.Web/serverFarms/plan"
  storage_account_name       = azurerm_storage_account.func.name
  storage_account_access_key = azurerm_storage_account.func.primary_access_key

  site_config {}

  identity {
    type = "SystemAssigned"
  }

  app_settings = {
    ServiceBusConnection__fullyQualifiedNamespace = "${azurerm_servicebus_namespace.sb.name}.servicebus.windows.net"
    MongoConnection                               = azurerm_cosmosdb_account.mongo.primary_mongodb_connection_string
    ArchiveKey                                    = var.archive_key
  }
}

# count = 0 deploys nothing.
resource "azurerm_linux_web_app" "legacy" {
  count               = var.legacy_enabled ? 1 : 0
  name                = "app-legacy"
  resource_group_name = "rg-orders"
  location            = "westeurope"
  service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-orders/providers/Microsoft.Web/serverFarms/plan"

  site_config {}

  app_settings = {
    ServiceBus = azurerm_servicebus_namespace.sb.default_primary_connection_string
  }
}
