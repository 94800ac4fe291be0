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

locals {
  workloads = toset(["orders", "billing", "shipping"])
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-workloads"
  location = "westeurope"
}

resource "azurerm_user_assigned_identity" "workload" {
  for_each = local.workloads

  name                = "id-${each.key}"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
}

resource "azurerm_role_assignment" "workload_owner" {
  for_each = azurerm_user_assigned_identity.workload

  scope                = azurerm_resource_group.rg.id
  role_definition_name = "Owner"
  principal_id         = each.value.principal_id
  principal_type       = "ServicePrincipal"
}
