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

variable "data_roles" {
  type = map(string)
  default = {
    read  = "Storage Blob Data Reader"
    write = "Storage Blob Data Contributor"
  }
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-data"
  location = "westeurope"
}

resource "azurerm_storage_account" "data" {
  name                      = "stdata001"
  resource_group_name       = azurerm_resource_group.rg.name
  location                  = azurerm_resource_group.rg.location
  account_tier              = "Standard"
  account_replication_type  = "LRS"
  shared_access_key_enabled = false
}

resource "azurerm_user_assigned_identity" "etl" {
  name                = "id-etl"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
}

# The storage account is declared above, yet the roles go to the whole resource group.
resource "azurerm_role_assignment" "data" {
  for_each             = var.data_roles
  scope                = azurerm_resource_group.rg.id
  role_definition_name = each.value
  principal_id         = azurerm_user_assigned_identity.etl.principal_id
  principal_type       = "ServicePrincipal"
}
