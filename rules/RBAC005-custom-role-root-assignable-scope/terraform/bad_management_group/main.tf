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

resource "azurerm_management_group" "platform" {
  display_name = "Platform"
  name         = "platform"
}

resource "azurerm_role_definition" "network_operator" {
  name  = "Network Operator"
  scope = azurerm_management_group.platform.id

  permissions {
    actions = ["Microsoft.Network/virtualNetworks/subnets/join/action"]
  }

  assignable_scopes = [azurerm_management_group.platform.id]
}
