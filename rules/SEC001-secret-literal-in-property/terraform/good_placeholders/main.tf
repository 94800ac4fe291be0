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

# Template kept in the docs folder: the pipeline substitutes every secret.
resource "azurerm_resource_group" "rg" {
  name     = "rg-sample"
  location = "westeurope"
}

resource "azurerm_mssql_server" "sql" {
  name                         = "sql-sample"
  resource_group_name          = azurerm_resource_group.rg.name
  location                     = azurerm_resource_group.rg.location
  version                      = "12.0"
  administrator_login          = "sqladmin"
  administrator_login_password = "<your-password>"
}

resource "azurerm_postgresql_flexible_server" "db" {
  name                   = "psql-sample"
  resource_group_name    = azurerm_resource_group.rg.name
  location               = azurerm_resource_group.rg.location
  version                = "16"
  sku_name               = "B_Standard_B1ms"
  administrator_login    = "pgadmin"
  administrator_password = "REPLACE_ME"
}

resource "azurerm_key_vault_secret" "api" {
  name         = "partner-api-secret"
  value        = "__PARTNER_API_SECRET__"
  key_vault_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-sample/providers/Microsoft.KeyVault/vaults/kv-sample"
}

resource "azurerm_automation_account" "aa" {
  name                = "aa-sample"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  sku_name            = "Basic"
}

resource "azurerm_automation_credential" "deploy" {
  name                    = "deploy"
  resource_group_name     = azurerm_resource_group.rg.name
  automation_account_name = azurerm_automation_account.aa.name
  username                = "deploy"
  password                = "xxxxxxxx"
}

resource "azurerm_mysql_flexible_server" "db" {
  name                   = "mysql-sample"
  resource_group_name    = azurerm_resource_group.rg.name
  location               = azurerm_resource_group.rg.location
  sku_name               = "B_Standard_B1ms"
  administrator_login    = "mysqladmin"
  administrator_password = ""
}
