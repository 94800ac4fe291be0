resource "azurerm_resource_group" "rg" {
  name     = "rg-pay"
  location = "westeurope"
}

resource "azurerm_service_plan" "plan" {
  name                = "asp-pay"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  os_type             = "Linux"
  sku_name            = "P1v3"
}

resource "azurerm_key_vault" "kv" {
  name                      = "kv-pay"
  resource_group_name       = azurerm_resource_group.rg.name
  location                  = azurerm_resource_group.rg.location
  tenant_id                 = "00000000-0000-0000-0000-000000000000"
  sku_name                  = "standard"
  enable_rbac_authorization = true
}

# Blue and green run side by side; traffic moves between them.
resource "azurerm_linux_web_app" "blue" {
  name                = "app-pay-blue"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_service_plan.plan.location
  service_plan_id     = azurerm_service_plan.plan.id

  identity {
    type = "SystemAssigned"
  }

  site_config {}
}

resource "azurerm_linux_web_app" "green" {
  name                = "app-pay-green"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_service_plan.plan.location
  service_plan_id     = azurerm_service_plan.plan.id

  identity {
    type = "SystemAssigned"
  }

  site_config {}
}

resource "azurerm_role_assignment" "blue_secrets" {
  scope                = azurerm_key_vault.kv.id
  role_definition_name = "Key Vault Secrets User"
  principal_id         = azurerm_linux_web_app.blue.identity[0].principal_id
}

resource "azurerm_role_assignment" "green_secrets" {
  scope                = azurerm_key_vault.kv.id
  role_definition_name = "Key Vault Secrets User"
  principal_id         = azurerm_linux_web_app.green.identity[0].principal_id
}
