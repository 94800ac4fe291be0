resource "azurerm_mssql_server" "this" {
  name                         = var.name
  resource_group_name          = var.resource_group_name
  location                     = var.location
  version                      = "12.0"
  administrator_login          = var.administrator_login
  administrator_login_password = var.administrator_login_password
  minimum_tls_version          = "1.2"
}

resource "azurerm_mssql_database" "this" {
  name      = "orders"
  server_id = azurerm_mssql_server.this.id
  sku_name  = "S0"
}
