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
  name     = "rg-search-web"
  location = "westeurope"
}

resource "azurerm_service_plan" "plan" {
  name                = "asp-search-web"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  os_type             = "Linux"
  sku_name            = "P1v3"
}

resource "azurerm_linux_web_app" "app" {
  name                = "app-search-web"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_service_plan.plan.location
  service_plan_id     = azurerm_service_plan.plan.id

  site_config {}
}

# blue and green slots
resource "azurerm_linux_web_app_slot" "release" {
  count = 2

  name           = "release-${count.index}"
  app_service_id = azurerm_linux_web_app.app.id

  identity {
    type = "SystemAssigned"
  }

  site_config {}
}
