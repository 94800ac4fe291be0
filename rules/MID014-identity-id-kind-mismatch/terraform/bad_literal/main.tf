resource "azurerm_resource_group" "rg" {
  name     = "rg-orders"
  location = "westeurope"
}

resource "azurerm_user_assigned_identity" "orders" {
  name                = "id-orders"
  location            = azurerm_resource_group.rg.location
  resource_group_name = azurerm_resource_group.rg.name
}

resource "azurerm_service_plan" "plan" {
  name                = "asp-orders"
  location            = azurerm_resource_group.rg.location
  resource_group_name = azurerm_resource_group.rg.name
  os_type             = "Linux"
  sku_name            = "P1v3"
}

resource "azurerm_linux_web_app" "orders" {
  name                            = "app-orders"
  location                        = azurerm_resource_group.rg.location
  resource_group_name             = azurerm_resource_group.rg.name
  service_plan_id                 = azurerm_service_plan.plan.id
  key_vault_reference_identity_id = azurerm_user_assigned_identity.orders.client_id

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.orders.id]
  }

  site_config {
    container_registry_use_managed_identity       = true
    container_registry_managed_identity_client_id = azurerm_user_assigned_identity.orders.principal_id
  }

  app_settings = {
    AZURE_CLIENT_ID = azurerm_user_assigned_identity.orders.principal_id
  }
}

resource "azurerm_linux_function_app" "billing" {
  name                = "func-billing"
  location            = azurerm_resource_group.rg.location
  resource_group_name = azurerm_resource_group.rg.name
  service_plan_id     = azurerm_service_plan.plan.id

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.orders.principal_id]
  }

  site_config {}
}

resource "azurerm_role_assignment" "orders_blob" {
  scope                = azurerm_resource_group.rg.id
  role_definition_name = "Storage Blob Data Reader"
  principal_id         = azurerm_user_assigned_identity.orders.client_id
}
