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

locals {
  roles = {
    network = ["Microsoft.Network/*"]
    reader  = ["Microsoft.Resources/subscriptions/resourceGroups/read"]
  }
}

resource "azurerm_role_definition" "team" {
  for_each = local.roles

  name  = "team-${each.key}"
  scope = data.azurerm_subscription.primary.id

  permissions {
    actions = each.value
  }
}
