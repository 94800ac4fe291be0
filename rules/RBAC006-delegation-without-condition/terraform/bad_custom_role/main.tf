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

data "azurerm_subscription" "primary" {}

resource "azurerm_user_assigned_identity" "pipeline" {
  name                = "id-pipeline"
  resource_group_name = "rg-pipeline"
  location            = "westeurope"
}

resource "azurerm_role_definition" "deployer" {
  name  = "Deployer"
  scope = data.azurerm_subscription.primary.id

  permissions {
    actions = ["*"]
  }
}

resource "azurerm_role_assignment" "pipeline_deployer" {
  scope              = data.azurerm_subscription.primary.id
  role_definition_id = azurerm_role_definition.deployer.role_definition_resource_id
  principal_id       = azurerm_user_assigned_identity.pipeline.principal_id
}
