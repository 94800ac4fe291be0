variable "name" {
  type = string
}

variable "value" {
  type      = string
  sensitive = true
}

variable "key_vault_id" {
  type = string
}

resource "azurerm_key_vault_secret" "this" {
  name         = var.name
  value        = var.value
  key_vault_id = var.key_vault_id
}

output "id" {
  value = azurerm_key_vault_secret.this.id
}
