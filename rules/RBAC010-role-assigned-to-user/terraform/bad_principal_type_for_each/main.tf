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

variable "developer_object_id" {
  type = string
}

variable "dev_roles" {
  type = map(string)
  default = {
    blob = "Storage Blob Data Contributor"
    kv   = "Key Vault Secrets User"
  }
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-dev"
  location = "westeurope"
}

resource "azurerm_role_assignment" "developer" {
  for_each             = var.dev_roles
  scope                = azurerm_resource_group.rg.id
  role_definition_name = each.value
  principal_id         = var.developer_object_id
  principal_type       = "User"
}
