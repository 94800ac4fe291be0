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

resource "azurerm_role_definition" "operator" {
  name  = "Operator"
  scope = data.azurerm_subscription.primary.id

  permissions {
    actions = ["*", "Microsoft.Authorization/*/read"]
    not_actions = [
      "Microsoft.Authorization/*/Write",
      "Microsoft.Authorization/*/Delete",
    ]
  }
}
