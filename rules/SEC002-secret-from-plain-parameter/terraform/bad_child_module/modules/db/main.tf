variable "resource_group_name" {
  type = string
}

variable "location" {
  type = string
}

# not sensitive inside the module
variable "admin_password" {
  type = string
}

resource "azurerm_postgresql_flexible_server" "this" {
  name                   = "psql-orders-prod"
  resource_group_name    = var.resource_group_name
  location               = var.location
  version                = "16"
  sku_name               = "B_Standard_B1ms"
  administrator_login    = "pgadmin"
  administrator_password = var.admin_password
}
