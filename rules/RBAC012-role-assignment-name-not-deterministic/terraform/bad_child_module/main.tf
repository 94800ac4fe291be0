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

variable "principal_id" {
  type = string
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-app"
  location = "westeurope"
}

module "reader" {
  source = "./modules/rbac"

  assignment_name = "0e6f2d94-3b8c-4a17-9d52-8f1c7a3e6b20"
  scope           = azurerm_resource_group.rg.id
  principal_id    = var.principal_id
}
