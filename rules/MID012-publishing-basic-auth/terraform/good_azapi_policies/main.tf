terraform {
  required_providers {
    azapi = {
      source  = "Azure/azapi"
      version = "~> 2.0"
    }
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 3.0"
    }
  }
}

provider "azurerm" {
  features {}
}

provider "azapi" {}

resource "azurerm_app_service_plan" "plan" {
  name                = "plan-legacy"
  location            = "westeurope"
  resource_group_name = "rg-legacy"

  sku {
    tier = "Standard"
    size = "S1"
  }
}

resource "azurerm_app_service" "legacy" {
  name                = "app-legacy-prod"
  location            = "westeurope"
  resource_group_name = "rg-legacy"
  app_service_plan_id = azurerm_app_service_plan.plan.id
}

resource "azapi_update_resource" "ftp" {
  type      = "Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01"
  name      = "ftp"
  parent_id = azurerm_app_service.legacy.id

  body = {
    properties = {
      allow = false
    }
  }
}

resource "azapi_update_resource" "scm" {
  type      = "Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01"
  name      = "scm"
  parent_id = azurerm_app_service.legacy.id

  body = {
    properties = {
      allow = false
    }
  }
}
