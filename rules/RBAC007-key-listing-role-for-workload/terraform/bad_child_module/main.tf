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

resource "azurerm_resource_group" "rg" {
  name     = "rg-jobs"
  location = "westeurope"
}

resource "azurerm_user_assigned_identity" "jobs" {
  name                = "id-jobs"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
}

module "jobs_rbac" {
  source = "./modules/rbac"

  scope        = azurerm_resource_group.rg.id
  role_name    = "Storage Account Key Operator Service Role"
  principal_id = azurerm_user_assigned_identity.jobs.principal_id
}
