resource "azurerm_resource_group" "rg" {
  name     = "rg-tickets"
  location = "westeurope"
}

resource "azurerm_service_plan" "plan" {
  name                = "asp-tickets"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  os_type             = "Linux"
  sku_name            = "S1"
}

resource "azurerm_key_vault" "kv" {
  name                      = "kv-tickets"
  resource_group_name       = azurerm_resource_group.rg.name
  location                  = azurerm_resource_group.rg.location
  tenant_id                 = "00000000-0000-0000-0000-000000000000"
  sku_name                  = "standard"
  enable_rbac_authorization = true
}

resource "azurerm_linux_web_app" "tickets" {
  name                = "app-tickets"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_service_plan.plan.location
  service_plan_id     = azurerm_service_plan.plan.id

  identity {
    type = "SystemAssigned"
  }

  site_config {}
}

resource "azurerm_linux_web_app_slot" "color" {
  for_each       = toset(["blue", "green"])
  name           = each.key
  app_service_id = azurerm_linux_web_app.tickets.id

  identity {
    type = "SystemAssigned"
  }

  site_config {}
}

resource "azurerm_role_assignment" "color_secrets" {
  for_each             = toset(["blue", "green"])
  scope                = azurerm_key_vault.kv.id
  role_definition_name = "Key Vault Secrets User"
  principal_id         = azurerm_linux_web_app_slot.color[each.key].identity[0].principal_id
}
