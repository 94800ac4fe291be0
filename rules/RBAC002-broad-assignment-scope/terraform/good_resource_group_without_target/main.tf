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

variable "registry_resource_group_id" {
  type    = string
  default = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-shared-registries"
}

variable "principal_id" {
  type = string
}

# The registries are managed elsewhere: their resource group is the narrowest scope known here.
resource "azurerm_role_assignment" "pull" {
  scope                = var.registry_resource_group_id
  role_definition_name = "AcrPull"
  principal_id         = var.principal_id
  principal_type       = "ServicePrincipal"
}
