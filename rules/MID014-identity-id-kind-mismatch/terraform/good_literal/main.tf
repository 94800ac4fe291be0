variable "ops_group_object_id" {
  type = string
}

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
  key_vault_reference_identity_id = azurerm_user_assigned_identity.orders.id

  identity {
    type         = "SystemAssigned, UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.orders.id]
  }

  site_config {
    container_registry_use_managed_identity       = true
    container_registry_managed_identity_client_id = azurerm_user_assigned_identity.orders.client_id
  }

  app_settings = {
    AZURE_CLIENT_ID         = azurerm_user_assigned_identity.orders.client_id
    ServiceBus__clientId    = "6f1d2c3b-4a59-4e8f-9d7c-0b1a2c3d4e5f"
    IDENTITY_PRINCIPAL_ID   = azurerm_user_assigned_identity.orders.principal_id
  }
}

resource "azurerm_role_assignment" "orders_blob" {
  scope                = azurerm_resource_group.rg.id
  role_definition_name = "Storage Blob Data Reader"
  principal_id         = azurerm_user_assigned_identity.orders.principal_id
}

resource "azurerm_role_assignment" "app_blob" {
  scope                = azurerm_resource_group.rg.id
  role_definition_name = "Storage Blob Data Reader"
  principal_id         = azurerm_linux_web_app.orders.identity[0].principal_id
}

resource "azurerm_role_assignment" "ops" {
  scope                = azurerm_resource_group.rg.id
  role_definition_name = "Reader"
  principal_id         = var.ops_group_object_id
}

resource "azurerm_role_assignment" "literal" {
  scope                = azurerm_resource_group.rg.id
  role_definition_name = "Reader"
  principal_id         = "11111111-2222-3333-4444-555555555555"
}
