resource "azurerm_resource_group" "rg" {
  name     = "rg-quotes"
  location = "westeurope"
}

resource "azurerm_service_plan" "plan" {
  name                = "asp-quotes"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  os_type             = "Linux"
  sku_name            = "S1"
}

resource "azurerm_key_vault" "kv" {
  name                      = "kv-quotes"
  resource_group_name       = azurerm_resource_group.rg.name
  location                  = azurerm_resource_group.rg.location
  tenant_id                 = "00000000-0000-0000-0000-000000000000"
  sku_name                  = "standard"
  enable_rbac_authorization = true
}

resource "azurerm_linux_web_app" "quotes" {
  name                = "app-quotes"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_service_plan.plan.location
  service_plan_id     = azurerm_service_plan.plan.id

  identity {
    type = "SystemAssigned"
  }

  site_config {}
}

resource "azurerm_linux_web_app_slot" "staging" {
  name           = "staging"
  app_service_id = azurerm_linux_web_app.quotes.id

  identity {
    type = "SystemAssigned"
  }

  site_config {}
}

# After a swap, production runs the staging code with the production
# identity: this grant stays behind with the slot.
resource "azurerm_role_assignment" "staging_secrets" {
  scope                = azurerm_key_vault.kv.id
  role_definition_name = "Key Vault Secrets User"
  principal_id         = azurerm_linux_web_app_slot.staging.identity[0].principal_id
}

resource "azurerm_role_assignment" "prod_secrets" {
  scope                = azurerm_key_vault.kv.id
  role_definition_name = "Key Vault Secrets User"
  principal_id         = azurerm_linux_web_app.quotes.identity[0].principal_id
}
