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

variable "ops_group_object_id" {
  type = string
}

module "delegate" {
  source       = "./modules/delegate"
  scope        = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ops"
  role_name    = "User Access Administrator"
  principal_id = var.ops_group_object_id
}
