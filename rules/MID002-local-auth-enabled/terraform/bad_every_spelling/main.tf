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
  name     = "rg-services"
  location = "westeurope"
}

resource "azurerm_log_analytics_workspace" "log" {
  name                = "log-contoso"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  sku                 = "PerGB2018"
}

resource "azurerm_eventhub_namespace" "this" {
  name                         = "evhns-contoso"
  resource_group_name          = azurerm_resource_group.rg.name
  location                     = azurerm_resource_group.rg.location
  sku                          = "Standard"
  local_authentication_enabled = true
}

resource "azurerm_cosmosdb_account" "this" {
  name                = "cosmos-contoso"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  offer_type          = "Standard"

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = "westeurope"
    failover_priority = 0
  }

  local_authentication_disabled = false
}

resource "azurerm_cognitive_account" "this" {
  name                  = "oai-contoso"
  resource_group_name   = azurerm_resource_group.rg.name
  location              = azurerm_resource_group.rg.location
  kind                  = "OpenAI"
  sku_name              = "S0"
  custom_subdomain_name = "oai-contoso"
  local_auth_enabled    = true
}

resource "azurerm_ai_services" "this" {
  name                         = "ais-contoso"
  resource_group_name          = azurerm_resource_group.rg.name
  location                     = azurerm_resource_group.rg.location
  sku_name                     = "S0"
  custom_subdomain_name        = "ais-contoso"
  local_authentication_enabled = true
}

resource "azurerm_app_configuration" "this" {
  name                = "appcs-contoso"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  sku                 = "standard"
  local_auth_enabled  = true
}

resource "azurerm_search_service" "this" {
  name                         = "srch-contoso"
  resource_group_name          = azurerm_resource_group.rg.name
  location                     = azurerm_resource_group.rg.location
  sku                          = "basic"
  local_authentication_enabled = true
}

resource "azurerm_application_insights" "this" {
  name                          = "appi-contoso"
  resource_group_name           = azurerm_resource_group.rg.name
  location                      = azurerm_resource_group.rg.location
  application_type              = "web"
  workspace_id                  = azurerm_log_analytics_workspace.log.id
  local_authentication_disabled = false
}

resource "azurerm_eventgrid_topic" "this" {
  name                = "evgt-contoso"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  input_schema        = "CloudEventSchemaV1_0"
  local_auth_enabled  = true
}

resource "azurerm_eventgrid_domain" "this" {
  name                = "evgd-contoso"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  local_auth_enabled  = true
}

resource "azurerm_signalr_service" "this" {
  name                = "sigr-contoso"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location

  sku {
    name     = "Standard_S1"
    capacity = 1
  }

  local_auth_enabled = true
}

resource "azurerm_web_pubsub" "this" {
  name                = "wps-contoso"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  sku                 = "Standard_S1"
  capacity            = 1
  local_auth_enabled  = true
}
