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

resource "azurerm_resource_group" "app" {
  name     = "rg-app"
  location = "westeurope"
}

resource "azurerm_resource_group" "data" {
  name     = "rg-data"
  location = "westeurope"
}

# The storage account declared here is in another resource group than the one the role is granted on.
resource "azurerm_storage_account" "data" {
  name                      = "stdata001"
  resource_group_name       = azurerm_resource_group.data.name
  location                  = azurerm_resource_group.data.location
  account_tier              = "Standard"
  account_replication_type  = "LRS"
  shared_access_key_enabled = false
}

variable "principal_id" {
  type = string
}

resource "azurerm_role_assignment" "app_blobs" {
  scope                = azurerm_resource_group.app.id
  role_definition_name = "Storage Blob Data Reader"
  principal_id         = var.principal_id
  principal_type       = "ServicePrincipal"
}
