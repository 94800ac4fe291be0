resource "azurerm_mssql_server" "sql" {
  name                         = "sql-hostile"
  resource_group_name          = "rg-hostile"
  location                     = "westeurope"
  version                      = "12.0"
  administrator_login          = "sqladmin"
  administrator_login_password = var.db_password
}
