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

resource "azurerm_role_definition" "vm_operator" {
  name  = "VM Operator"
  scope = data.azurerm_subscription.primary.id

  permissions {
    actions = [
      "*/read",
      "Microsoft.Compute/virtualMachines/start/action",
      "Microsoft.Compute/virtualMachines/deallocate/action",
      "Microsoft.Insights/alertRules/*",
    ]
    data_actions = ["Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read"]
  }

  assignable_scopes = [data.azurerm_subscription.primary.id]
}

resource "azurerm_role_definition" "disabled" {
  count = 0

  name  = "Disabled"
  scope = data.azurerm_subscription.primary.id

  permissions {
    actions = ["*"]
  }
}
