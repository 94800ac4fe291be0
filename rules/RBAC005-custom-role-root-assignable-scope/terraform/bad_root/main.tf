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

resource "azurerm_role_definition" "tagger" {
  name  = "Tagger"
  scope = data.azurerm_subscription.primary.id

  permissions {
    actions = ["Microsoft.Resources/tags/write"]
  }

  assignable_scopes = [
    data.azurerm_subscription.primary.id,
    "/",
  ]
}
