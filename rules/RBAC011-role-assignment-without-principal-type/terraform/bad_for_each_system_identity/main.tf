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
  app_roles = {
    blob = "ba92f5b4-2d11-453d-a403-e96b0029c9fe"
    kv   = "4633458b-17de-408a-b874-0445c86b69e6"
  }
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-web"
  location = "westeurope"
}

resource "azurerm_service_plan" "plan" {
  name                = "asp-web"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  os_type             = "Linux"
  sku_name            = "P1v3"
}

resource "azurerm_linux_web_app" "web" {
  name                = "app-web"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  service_plan_id     = azurerm_service_plan.plan.id

  identity {
    type = "SystemAssigned"
  }

  site_config {}
}

resource "azurerm_role_assignment" "web" {
  for_each           = local.app_roles
  scope              = azurerm_resource_group.rg.id
  role_definition_id = "/providers/Microsoft.Authorization/roleDefinitions/${each.value}"
  principal_id       = azurerm_linux_web_app.web.identity[0].principal_id
}
