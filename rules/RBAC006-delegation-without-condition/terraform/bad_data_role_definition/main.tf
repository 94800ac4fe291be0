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

variable "app_team_object_id" {
  type = string
}

data "azurerm_role_definition" "kv_access_admin" {
  name = "Key Vault Data Access Administrator"
}

resource "azurerm_key_vault" "app" {
  name                      = "kv-app"
  location                  = "westeurope"
  resource_group_name       = "rg-app"
  tenant_id                 = "00000000-0000-0000-0000-000000000000"
  sku_name                  = "standard"
  enable_rbac_authorization = true
}

resource "azurerm_role_assignment" "app_team" {
  scope              = azurerm_key_vault.app.id
  role_definition_id = data.azurerm_role_definition.kv_access_admin.id
  principal_id       = var.app_team_object_id
}
