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
  name     = "rg-catalog"
  location = "westeurope"
}

resource "azurerm_service_plan" "plan" {
  name                = "asp-catalog"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  os_type             = "Linux"
  sku_name            = "S1"
}

resource "azurerm_user_assigned_identity" "shared" {
  name                = "id-catalog"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
}

resource "azurerm_linux_web_app" "app" {
  name                = "app-catalog"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_service_plan.plan.location
  service_plan_id     = azurerm_service_plan.plan.id

  key_vault_reference_identity_id = azurerm_user_assigned_identity.shared.id

  identity {
    type         = "SystemAssigned, UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.shared.id]
  }

  site_config {}

  app_settings = {
    AZURE_CLIENT_ID = azurerm_user_assigned_identity.shared.client_id
  }
}

resource "azurerm_linux_web_app_slot" "staging" {
  name           = "staging"
  app_service_id = azurerm_linux_web_app.app.id

  key_vault_reference_identity_id = azurerm_user_assigned_identity.shared.id

  identity {
    type         = "SystemAssigned, UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.shared.id]
  }

  site_config {}

  app_settings = {
    AZURE_CLIENT_ID = azurerm_user_assigned_identity.shared.client_id
  }
}
