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
  name     = "rg-reports"
  location = "westeurope"
}

resource "azurerm_storage_account" "reports" {
  name                     = "streports"
  resource_group_name      = azurerm_resource_group.rg.name
  location                 = azurerm_resource_group.rg.location
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_user_assigned_identity" "reports" {
  name                = "id-reports"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
}

locals {
  storage_roles = {
    read = "Storage Blob Data Reader"
    keys = "Reader and Data Access"
  }
}

resource "azurerm_role_assignment" "reports" {
  for_each = local.storage_roles

  scope                = azurerm_storage_account.reports.id
  role_definition_name = each.value
  principal_id         = azurerm_user_assigned_identity.reports.principal_id
  principal_type       = "ServicePrincipal"
}
