resource "azurerm_resource_group" "rg" {
  name     = "rg-profiles"
  location = "westeurope"
}

# Exists, with access to the key, before the account is created.
resource "azurerm_user_assigned_identity" "cmk" {
  name                = "id-cosmos-cmk"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
}

resource "azurerm_cosmosdb_account" "profiles" {
  name                          = "cosmos-profiles"
  location                      = azurerm_resource_group.rg.location
  resource_group_name           = azurerm_resource_group.rg.name
  offer_type                    = "Standard"
  local_authentication_disabled = true
  key_vault_key_id              = "https://kv-profiles.vault.azure.net/keys/cosmos-cmk"
  default_identity_type         = join("=", ["UserAssignedIdentity", azurerm_user_assigned_identity.cmk.id])

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.cmk.id]
  }

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = azurerm_resource_group.rg.location
    failover_priority = 0
  }
}

# No customer-managed key: the system identity is not needed at creation.
resource "azurerm_cosmosdb_account" "sessions" {
  name                          = "cosmos-sessions"
  location                      = azurerm_resource_group.rg.location
  resource_group_name           = azurerm_resource_group.rg.name
  offer_type                    = "Standard"
  local_authentication_disabled = true
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
