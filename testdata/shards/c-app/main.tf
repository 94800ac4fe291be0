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

data "azurerm_subscription" "current" {}

resource "azurerm_resource_group" "rg" {
  name     = "rg-contoso-app"
  location = "westeurope"
}

resource "azurerm_user_assigned_identity" "deployer" {
  name                = "id-deployer"
  location            = azurerm_resource_group.rg.location
  resource_group_name = azurerm_resource_group.rg.name
}

module "app" {
  source              = "./modules/app"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  # Needed by the old release pipeline.
  admin_enabled = true
}

resource "azurerm_role_assignment" "deployer" {
  scope                = data.azurerm_subscription.current.id
  role_definition_name = "Contributor"
  principal_id         = azurerm_user_assigned_identity.deployer.principal_id
}

variable "sql_admin_password" {
  type    = string
  default = "Winter-2024-Reporting!"
}

resource "azurerm_mssql_server" "reporting" {
  name                         = "sql-contoso-reporting"
  resource_group_name          = azurerm_resource_group.rg.name
  location                     = azurerm_resource_group.rg.location
  version                      = "12.0"
  administrator_login          = "sqladmin"
  administrator_login_password = var.sql_admin_password
}
