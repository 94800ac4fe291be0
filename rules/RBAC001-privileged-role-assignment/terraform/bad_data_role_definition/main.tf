terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 3.0"
    }
  }
}

provider "azurerm" {
  features {}
}

data "azurerm_subscription" "primary" {}

data "azurerm_client_config" "current" {}

data "azurerm_role_definition" "owner" {
  name  = "Owner"
  scope = data.azurerm_subscription.primary.id
}

resource "azurerm_role_assignment" "pipeline" {
  scope              = data.azurerm_subscription.primary.id
  role_definition_id = data.azurerm_role_definition.owner.id
  principal_id       = data.azurerm_client_config.current.object_id
}
