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

resource "azurerm_role_definition" "ops" {
  name        = "Ops Everything"
  scope       = data.azurerm_subscription.primary.id
  description = "Operations team"

  permissions {
    actions = [
      "*",
    ]
    not_actions = ["Microsoft.Authorization/*/Write"]
    data_actions = [
      "Microsoft.KeyVault/*",
      "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read",
    ]
  }

  assignable_scopes = [data.azurerm_subscription.primary.id]
}
