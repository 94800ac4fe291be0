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

data "azurerm_subscription" "current" {}

data "azurerm_role_definition" "custom" {
  role_definition_id = "11111111-2222-3333-4444-555555555555"
  scope              = data.azurerm_subscription.current.id
}

variable "principal_id" {
  type = string
}

resource "azurerm_role_assignment" "custom" {
  scope              = data.azurerm_subscription.current.id
  role_definition_id = data.azurerm_role_definition.custom.id
  principal_id       = var.principal_id
  principal_type     = "Group"
}
