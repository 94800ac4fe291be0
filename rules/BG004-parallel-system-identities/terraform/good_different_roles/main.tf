resource "azurerm_resource_group" "rg" {
  name     = "rg-split"
  location = "westeurope"
}

resource "azurerm_service_plan" "plan" {
  name                = "asp-split"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  os_type             = "Linux"
  sku_name            = "P1v3"
}

# `a` reads, `b` writes: different access, so separate identities are the point.
resource "azurerm_linux_web_app" "reader" {
  name                = "app-split-a"
  resource_group_name = azurerm_resource_group.rg.name
  location            = "westeurope"
  service_plan_id     = azurerm_service_plan.plan.id

  identity {
    type = "SystemAssigned"
  }

  site_config {}
}

resource "azurerm_linux_web_app" "writer" {
  name                = "app-split-b"
  resource_group_name = azurerm_resource_group.rg.name
  location            = "westeurope"
  service_plan_id     = azurerm_service_plan.plan.id

  identity {
    type = "SystemAssigned"
  }

  site_config {}
}

resource "azurerm_role_assignment" "reader" {
  scope                = azurerm_resource_group.rg.id
  role_definition_name = "Reader"
  principal_id         = azurerm_linux_web_app.reader.identity[0].principal_id
}

resource "azurerm_role_assignment" "writer" {
  scope                = azurerm_resource_group.rg.id
  role_definition_name = "Storage Blob Data Contributor"
  principal_id         = azurerm_linux_web_app.writer.identity[0].principal_id
}
