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

resource "azurerm_resource_group" "rg" {
  name     = "rg-telemetry"
  location = "westeurope"
}

resource "azurerm_eventhub_namespace" "telemetry" {
  name                = "evhns-telemetry"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  sku                 = "Standard"
}

resource "azurerm_linux_function_app" "ingest" {
  name                       = "func-ingest"
  resource_group_name        = azurerm_resource_group.rg.name
  location                   = azurerm_resource_group.rg.location
  service_plan_id            = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-telemetry/providers/Microsoft.Web/serverFarms/asp"
  storage_account_name       = "stingest"
  storage_uses_managed_identity = true

  identity {
    type = "SystemAssigned"
  }

  site_config {}
}

resource "azurerm_role_assignment" "ingest" {
  for_each = toset(["Azure Event Hubs Data Receiver", "Azure Event Hubs Data Owner"])

  scope                = azurerm_eventhub_namespace.telemetry.id
  role_definition_name = each.key
  principal_id         = azurerm_linux_function_app.ingest.identity[0].principal_id
}
