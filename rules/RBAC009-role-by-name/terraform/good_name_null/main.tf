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

# A module that takes either a role ID or a name: this root passes the ID, the name stays null.
variable "role_definition_id" {
  type    = string
  default = "/providers/Microsoft.Authorization/roleDefinitions/2a2b9908-6ea1-4ae2-8e65-a410df84e7d1"
}

variable "role_definition_name" {
  type    = string
  default = null
}

variable "scope" {
  type = string
}

variable "principal_id" {
  type = string
}

resource "azurerm_role_assignment" "this" {
  scope                = var.scope
  role_definition_id   = var.role_definition_id
  role_definition_name = var.role_definition_name
  principal_id         = var.principal_id
  principal_type       = "ServicePrincipal"
}
