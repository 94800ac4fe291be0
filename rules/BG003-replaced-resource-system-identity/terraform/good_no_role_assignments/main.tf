resource "azurerm_resource_group" "rg" {
  name     = "rg-static"
  location = "westeurope"
}

resource "azurerm_service_plan" "plan" {
  name                = "asp-static"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  os_type             = "Linux"
  sku_name            = "B1"
}

# Replaced before destroy, but its identity receives no role here: nothing
# depends on the principal staying the same.
resource "azurerm_linux_web_app" "site" {
  name                = "app-static"
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

# A long-lived app with a system identity and a role: not replaced, fine.
resource "azurerm_linux_web_app" "admin" {
  name                = "app-admin"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_service_plan.plan.location
  service_plan_id     = azurerm_service_plan.plan.id

  identity {
    type = "SystemAssigned"
  }

  site_config {}
}

resource "azurerm_role_assignment" "admin_reader" {
  scope                = azurerm_resource_group.rg.id
  role_definition_name = "Reader"
  principal_id         = azurerm_linux_web_app.admin.identity[0].principal_id
}
