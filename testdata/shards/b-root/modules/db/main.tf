variable "password" {
  type      = string
  sensitive = true
}

resource "azurerm_mssql_server" "db" {
  name                         = "sql-team-b"
  resource_group_name          = "rg-team-b"
  location                     = "westeurope"
  version                      = "12.0"
  administrator_login          = "sqladmin"
  administrator_login_password = var.password
}
