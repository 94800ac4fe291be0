resource "azurerm_postgresql_flexible_server" "this" {
  name                   = "psql-orders-prod"
  resource_group_name    = var.resource_group_name
  location               = var.location
  version                = "16"
  sku_name               = "B_Standard_B1ms"
  administrator_login    = "pgadmin"
  administrator_password = var.administrator_password
}
