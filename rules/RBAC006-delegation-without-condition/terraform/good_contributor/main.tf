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

variable "role_name" {
  type = string
}

data "azurerm_subscription" "current" {}

resource "azurerm_role_definition" "operator" {
  name  = "Operator"
  scope = data.azurerm_subscription.current.id

  permissions {
    actions     = ["*"]
    not_actions = ["Microsoft.Authorization/*/Write"]
  }
}

resource "azurerm_role_assignment" "contributor" {
  scope                = data.azurerm_subscription.current.id
  role_definition_name = "Contributor"
  principal_id         = var.principal_id
}

resource "azurerm_role_assignment" "operator" {
  scope              = data.azurerm_subscription.current.id
  role_definition_id = azurerm_role_definition.operator.role_definition_resource_id
  principal_id       = var.principal_id
}

resource "azurerm_role_assignment" "given" {
  scope                = data.azurerm_subscription.current.id
  role_definition_name = var.role_name
  principal_id         = var.principal_id
}

resource "azurerm_role_assignment" "disabled" {
  count = 0

  scope                = data.azurerm_subscription.current.id
  role_definition_name = "User Access Administrator"
  principal_id         = var.principal_id
}
