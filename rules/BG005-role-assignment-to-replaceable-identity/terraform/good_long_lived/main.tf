resource "azurerm_resource_group" "rg" {
  name     = "rg-ledger"
  location = "westeurope"
}

resource "azurerm_service_plan" "plan" {
  name                = "asp-ledger"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  os_type             = "Linux"
  sku_name            = "P1v3"
}

# One long-lived app with its own system identity and its role: fine.
resource "azurerm_linux_web_app" "ledger" {
  name                = "app-ledger"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_service_plan.plan.location
  service_plan_id     = azurerm_service_plan.plan.id

  identity {
    type = "SystemAssigned"
  }

  site_config {}
}

resource "azurerm_role_assignment" "ledger_reader" {
  scope                = azurerm_resource_group.rg.id
  role_definition_name = "Reader"
  principal_id         = azurerm_linux_web_app.ledger.identity[0].principal_id
}
