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

resource "azurerm_role_definition" "deployer" {
  name  = "Deployer"
  scope = data.azurerm_subscription.primary.id

  permissions {
    actions     = ["*/read", "*/write"]
    not_actions = ["Microsoft.Authorization/roleDefinitions/write"]
  }
}
