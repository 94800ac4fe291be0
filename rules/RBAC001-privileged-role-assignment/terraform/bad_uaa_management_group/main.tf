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

variable "platform_principal_id" {
  description = "Object ID of the platform automation service principal."
  type        = string
}

resource "azurerm_role_assignment" "platform_uaa" {
  scope              = "/providers/Microsoft.Management/managementGroups/mg1"
  role_definition_id = "/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.Authorization/roleDefinitions/18d7d88d-d35e-4fb5-a5c3-7773c20a72d9"
  principal_id       = var.platform_principal_id
  principal_type     = "ServicePrincipal"
}
