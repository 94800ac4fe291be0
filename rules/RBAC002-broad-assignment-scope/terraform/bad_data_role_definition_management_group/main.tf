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

data "azurerm_role_definition" "blob_reader" {
  name = "Storage Blob Data Reader"
}

variable "analytics_group_object_id" {
  type = string
}

resource "azurerm_role_assignment" "platform" {
  scope              = "/providers/Microsoft.Management/managementGroups/mg-platform"
  role_definition_id = data.azurerm_role_definition.blob_reader.id
  principal_id       = var.analytics_group_object_id
  principal_type     = "Group"
}
