provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-orders"
  location = "westeurope"
}

resource "azurerm_servicebus_namespace" "sb" {
  name                = "sb-orders"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  sku                 = "Standard"
}

resource "azurerm_cosmosdb_account" "db" {
  name                = "cosmos-orders"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  offer_type          = "Standard"
  kind                = "GlobalDocumentDB"

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = azurerm_resource_group.rg.location
    failover_priority = 0
  }
}

resource "azurerm_linux_web_app" "app" {
  name                = "app-orders"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-orders/providers/Microsoft.Web/serverFarms/plan"

  site_config {}

  identity {
    type = "SystemAssigned"
  }

  app_settings = {
    "ServiceBus__ConnectionString" = azurerm_servicebus_namespace.sb.default_primary_connection_string
    "Cosmos__Endpoint"             = azurerm_cosmosdb_account.db.endpoint
  }

  connection_string {
    name  = "Cosmos"
    type  = "Custom"
    value = "AccountEndpoint=${azurerm_cosmosdb_account.db.endpoint};AccountKey=${azurerm_cosmosdb_account.db.primary_key};"
  }
}

resource "azurerm_container_group" "worker" {
  name                = "aci-worker"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  os_type             = "Linux"

  identity {
    type = "SystemAssigned"
  }

  container {
    name   = "worker"
    image  = "mcr.microsoft.com/azuredocs/aci-helloworld"
    cpu    = 1
    memory = 1

    secure_environment_variables = {
      COSMOS_KEY = azurerm_cosmosdb_account.db.primary_key
    }
  }
}
