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

resource "azurerm_resource_group" "app" {
  name     = "rg-app"
  location = "westeurope"
}

resource "azurerm_role_definition" "vm_operator" {
  name  = "VM Operator"
  scope = data.azurerm_subscription.primary.id

  permissions {
    actions = ["Microsoft.Compute/virtualMachines/start/action"]
  }

  assignable_scopes = [
    data.azurerm_subscription.primary.id,
    azurerm_resource_group.app.id,
  ]
}

# no assignable_scopes: assignable at the subscription it is created in
resource "azurerm_role_definition" "tagger" {
  name  = "Tagger"
  scope = data.azurerm_subscription.primary.id

  permissions {
    actions = ["Microsoft.Resources/tags/write"]
  }
}
