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

variable "operator_object_id" {
  type = string
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-ops"
  location = "westeurope"
}

module "operator" {
  source = "./modules/rbac"

  scope          = azurerm_resource_group.rg.id
  principal_id   = var.operator_object_id
  principal_type = "User"
}
