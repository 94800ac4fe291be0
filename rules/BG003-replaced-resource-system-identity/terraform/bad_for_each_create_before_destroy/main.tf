resource "azurerm_resource_group" "rg" {
  name     = "rg-search"
  location = "westeurope"
}

resource "azurerm_service_plan" "plan" {
  name                = "asp-search"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  os_type             = "Linux"
  sku_name            = "P1v3"
}

resource "azurerm_linux_web_app" "search" {
  for_each            = toset(["blue", "green"])
  name                = "app-search-${each.key}"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_service_plan.plan.location
  service_plan_id     = azurerm_service_plan.plan.id

  identity {
    type = "SystemAssigned"
  }

  site_config {}

  lifecycle {
    create_before_destroy = true
  }
}

resource "azurerm_role_assignment" "search_reader" {
  for_each             = toset(["blue", "green"])
  scope                = azurerm_resource_group.rg.id
  role_definition_name = "Reader"
  principal_id         = azurerm_linux_web_app.search[each.key].identity[0].principal_id
}
