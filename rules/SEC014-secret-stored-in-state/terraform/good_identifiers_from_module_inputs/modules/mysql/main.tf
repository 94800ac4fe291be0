variable "settings" {
  type = any
}

variable "client_config" {
  type = any
}

variable "service_principal_application_id" {
  type = string
}

locals {
  resource_group_name = coalesce(try(var.settings.resource_group_name, null), "rg-data")
}

resource "azurerm_mysql_flexible_server" "mysql" {
  name                              = var.settings.name
  resource_group_name               = local.resource_group_name
  location                          = var.settings.location
  sku_name                          = "GP_Standard_D2ds_v4"
  administrator_login               = var.settings.administrator_login
  administrator_password_wo         = var.settings.administrator_password
  administrator_password_wo_version = 1
}

resource "azurerm_mysql_flexible_database" "db" {
  for_each = var.settings.databases

  name                = each.value.name
  resource_group_name = local.resource_group_name
  server_name         = azurerm_mysql_flexible_server.mysql.name
  charset             = "utf8mb4"
  collation           = "utf8mb4_unicode_ci"
}

# Connection facts kept beside the password for the applications that read
# them: the login, the login@host form, database names, the resource group,
# the client and tenant IDs. None of them is a secret.
resource "azurerm_key_vault_secret" "admin_login" {
  name         = "mysql-admin-login"
  value        = var.settings.administrator_login
  key_vault_id = var.settings.keyvault_id
}

resource "azurerm_key_vault_secret" "admin_login_name" {
  name         = "mysql-admin-login-name"
  value        = format("%s@%s", var.settings.administrator_login, azurerm_mysql_flexible_server.mysql.fqdn)
  key_vault_id = var.settings.keyvault_id
}

resource "azurerm_key_vault_secret" "database_name" {
  for_each = var.settings.databases

  name         = format("mysql-database-%s", each.key)
  value        = each.value.name
  key_vault_id = var.settings.keyvault_id
}

resource "azurerm_key_vault_secret" "resource_group_name" {
  name         = "mysql-resource-group-name"
  value        = local.resource_group_name
  key_vault_id = var.settings.keyvault_id
}

resource "azurerm_key_vault_secret" "client_id" {
  name         = "app-client-id"
  value        = var.service_principal_application_id
  key_vault_id = var.settings.keyvault_id
}

resource "azurerm_key_vault_secret" "tenant_id" {
  for_each = var.settings.keyvaults

  name         = format("%s-tenant-id", each.value.secret_prefix)
  value        = try(each.value.tenant_id, var.client_config.tenant_id)
  key_vault_id = var.settings.keyvault_id
}
