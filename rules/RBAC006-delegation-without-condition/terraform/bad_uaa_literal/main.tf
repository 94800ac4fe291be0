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

variable "platform_group_object_id" {
  type = string
}

data "azurerm_subscription" "current" {}

resource "azurerm_role_assignment" "platform_uaa" {
  scope                = data.azurerm_subscription.current.id
  role_definition_name = "User Access Administrator"
  principal_id         = var.platform_group_object_id
  principal_type       = "Group"
}

resource "azurerm_role_assignment" "team_rbac_admin" {
  for_each = toset(["rg-orders", "rg-billing"])

  scope                = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/${each.key}"
  role_definition_name = "role based access control administrator"
  principal_id         = var.platform_group_object_id
}
