variable "settings" {
  type = any
}

resource "azurerm_key_vault_secret" "secret" {
  for_each = {
    for key, value in try(var.settings.secrets, {}) : key => value
  }

  name            = each.value.name
  value           = each.value.value
  key_vault_id    = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.KeyVault/vaults/kv-data"
  not_before_date = try(each.value.not_before_date, null)
  expiration_date = try(each.value.expiration_date, null)
}
