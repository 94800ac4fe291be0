terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
  }
}

provider "azurerm" {
  features {}
}

locals {
  smtp_password = "Mailer#2024"
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-orders"
  location = "westeurope"
}

resource "azurerm_storage_account" "sa" {
  name                     = "stordersprod"
  resource_group_name      = azurerm_resource_group.rg.name
  location                 = azurerm_resource_group.rg.location
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_servicebus_namespace" "sb" {
  name                = "sb-orders"
  location            = azurerm_resource_group.rg.location
  resource_group_name = azurerm_resource_group.rg.name
  sku                 = "Standard"
}

resource "azurerm_cosmosdb_account" "db" {
  name                = "cosmos-orders"
  location            = azurerm_resource_group.rg.location
  resource_group_name = azurerm_resource_group.rg.name
  offer_type          = "Standard"

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = azurerm_resource_group.rg.location
    failover_priority = 0
  }
}

resource "azurerm_service_plan" "plan" {
  name                = "asp-orders"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  os_type             = "Linux"
  sku_name            = "EP1"
}

resource "azurerm_linux_function_app" "orders" {
  name                       = "func-orders"
  resource_group_name        = azurerm_resource_group.rg.name
  location                   = azurerm_resource_group.rg.location
  service_plan_id            = azurerm_service_plan.plan.id
  storage_account_name       = azurerm_storage_account.sa.name
  storage_account_access_key = azurerm_storage_account.sa.primary_access_key

  site_config {}

  app_settings = {
    ReportsStorage           = azurerm_storage_account.sa.primary_connection_string
    ServiceBusConnection     = azurerm_servicebus_namespace.sb.default_primary_connection_string
    PAYMENT_API_KEY          = "pk-7f3c9a1e5b2d4f6a8c0e"
    "Partner:ClientSecret"   = "partner-portal-secret-2024"
    FUNCTIONS_WORKER_RUNTIME = "dotnet-isolated"
  }

  connection_string {
    name  = "Cosmos"
    type  = "Custom"
    value = "AccountEndpoint=${azurerm_cosmosdb_account.db.endpoint};AccountKey=${azurerm_cosmosdb_account.db.primary_key};"
  }
}

resource "azurerm_linux_function_app_slot" "staging" {
  name                       = "staging"
  function_app_id            = azurerm_linux_function_app.orders.id
  storage_account_name       = azurerm_storage_account.sa.name
  storage_account_access_key = azurerm_storage_account.sa.primary_access_key

  site_config {}

  app_settings = {
    SMTP_PASSWORD = local.smtp_password
  }
}

resource "azurerm_logic_app_standard" "workflows" {
  name                       = "logic-orders-workflows"
  location                   = azurerm_resource_group.rg.location
  resource_group_name        = azurerm_resource_group.rg.name
  app_service_plan_id        = azurerm_service_plan.plan.id
  storage_account_name       = azurerm_storage_account.sa.name
  storage_account_access_key = azurerm_storage_account.sa.primary_access_key

  app_settings = {
    FUNCTIONS_WORKER_RUNTIME    = "dotnet"
    ServiceBus_ConnectionString = azurerm_servicebus_namespace.sb.default_primary_connection_string
  }
}
