resource "azurerm_resource_group" "rg" {
  name     = "rg-orders"
  location = "westeurope"
}

resource "azurerm_service_plan" "plan" {
  name                = "asp-orders"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  os_type             = "Linux"
  sku_name            = "P1v3"
}

resource "azurerm_storage_account" "orders" {
  name                      = "storders"
  resource_group_name       = azurerm_resource_group.rg.name
  location                  = azurerm_resource_group.rg.location
  account_tier              = "Standard"
  account_replication_type  = "LRS"
  shared_access_key_enabled = false
}

# The identity outlives every replacement of the app, and so do its roles.
resource "azurerm_user_assigned_identity" "orders" {
  name                = "id-orders"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
}

resource "azurerm_role_assignment" "orders_blob" {
  scope                = azurerm_storage_account.orders.id
  role_definition_name = "Storage Blob Data Contributor"
  principal_id         = azurerm_user_assigned_identity.orders.principal_id
}

resource "azurerm_linux_web_app" "orders" {
  name                = "app-orders"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_service_plan.plan.location
  service_plan_id     = azurerm_service_plan.plan.id

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.orders.id]
  }

  app_settings = {
    AZURE_CLIENT_ID = azurerm_user_assigned_identity.orders.client_id
  }

  site_config {}

  lifecycle {
    create_before_destroy = true
  }
}
