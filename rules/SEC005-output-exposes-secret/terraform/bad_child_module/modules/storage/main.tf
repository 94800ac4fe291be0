variable "resource_group_name" {
  type = string
}

variable "location" {
  type = string
}

resource "azurerm_storage_account" "this" {
  name                     = "stordersprod"
  resource_group_name      = var.resource_group_name
  location                 = var.location
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

output "id" {
  value = azurerm_storage_account.this.id
}

output "connection_string" {
  value = nonsensitive(azurerm_storage_account.this.primary_connection_string)
}
