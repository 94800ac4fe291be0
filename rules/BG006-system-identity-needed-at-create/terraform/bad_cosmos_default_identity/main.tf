resource "azurerm_resource_group" "rg" {
  name     = "rg-profiles"
  location = "westeurope"
}

variable "cmk_key_id" {
  type    = string
  default = "https://kv-profiles.vault.azure.net/keys/cosmos-cmk"
}

resource "azurerm_cosmosdb_account" "profiles" {
  name                          = "cosmos-profiles"
  location                      = azurerm_resource_group.rg.location
  resource_group_name           = azurerm_resource_group.rg.name
  offer_type                    = "Standard"
  local_authentication_disabled = true
  key_vault_key_id              = var.cmk_key_id
  default_identity_type         = "SystemAssignedIdentity"

  identity {
    type = "SystemAssigned"
  }

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = azurerm_resource_group.rg.location
    failover_priority = 0
  }
}
