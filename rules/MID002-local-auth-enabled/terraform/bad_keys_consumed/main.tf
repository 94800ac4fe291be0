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
  name     = "rg-orders"
  location = "westeurope"
}

resource "azurerm_servicebus_namespace" "sb" {
  name                = "sb-orders"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  sku                 = "Standard"
}

resource "azurerm_eventhub_namespace" "events" {
  name                         = "evhns-orders"
  resource_group_name          = azurerm_resource_group.rg.name
  location                     = azurerm_resource_group.rg.location
  sku                          = "Standard"
  local_authentication_enabled = true
}

resource "azurerm_service_plan" "plan" {
  name                = "plan-orders"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  os_type             = "Linux"
  sku_name            = "P1v3"
}

resource "azurerm_linux_web_app" "app" {
  name                = "app-orders"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  service_plan_id     = azurerm_service_plan.plan.id

  site_config {}

  identity {
    type = "SystemAssigned"
  }

  app_settings = {
    "ServiceBus__ConnectionString" = azurerm_servicebus_namespace.sb.default_primary_connection_string
  }
}
