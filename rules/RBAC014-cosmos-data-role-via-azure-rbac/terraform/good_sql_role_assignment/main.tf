provider "azurerm" {
  features {}
}

variable "principal_id" {
  type = string
}

resource "azurerm_cosmosdb_account" "db" {
  name                = "cosmos-orders"
  location            = "westeurope"
  resource_group_name = "rg-orders"
  offer_type          = "Standard"

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = "westeurope"
    failover_priority = 0
  }
}

# Data access through the account's own role system.
resource "azurerm_cosmosdb_sql_role_assignment" "api_data" {
  resource_group_name = "rg-orders"
  account_name        = azurerm_cosmosdb_account.db.name
  role_definition_id  = "${azurerm_cosmosdb_account.db.id}/sqlRoleDefinitions/00000000-0000-0000-0000-000000000002"
  principal_id        = var.principal_id
  scope               = azurerm_cosmosdb_account.db.id
}

# Control plane through Azure RBAC.
resource "azurerm_role_assignment" "operator" {
  scope                = azurerm_cosmosdb_account.db.id
  role_definition_name = "Cosmos DB Operator"
  principal_id         = var.principal_id
}
