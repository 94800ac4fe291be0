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

variable "admin_group_object_id" {
  type = string
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-thumbnails"
  location = "westeurope"
}

resource "azurerm_user_assigned_identity" "thumbnails" {
  name                = "id-thumbnails"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
}

resource "azurerm_role_assignment" "thumbnails_blobs" {
  scope                = azurerm_resource_group.rg.id
  role_definition_name = "Storage Blob Data Contributor"
  principal_id         = azurerm_user_assigned_identity.thumbnails.principal_id
}

resource "azurerm_role_assignment" "thumbnails_secrets" {
  scope                = azurerm_resource_group.rg.id
  role_definition_name = "Key Vault Secrets User"
  principal_id         = azurerm_user_assigned_identity.thumbnails.principal_id
}

# the people who administer the data keep the owner role
resource "azurerm_role_assignment" "admins" {
  scope                = azurerm_resource_group.rg.id
  role_definition_name = "Storage Blob Data Owner"
  principal_id         = var.admin_group_object_id
}
