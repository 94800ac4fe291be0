resource "azurerm_user_assigned_identity" "orders" {
  name                = "id-orders"
  location            = "westeurope"
  resource_group_name = "rg-orders"
}

resource "azurerm_linux_web_app" "orders" {
  name                = "app-orders"
  location            = "westeurope"
  resource_group_name = "rg-orders"
  service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-orders/providers/Microsoft.Web/serverFarms/asp-orders"

  identity {
    type         = "SystemAssigned, UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.orders.id]
  }

  site_config {}

  app_settings = {
    STORAGE_ACCOUNT_URL = "https://storders.blob.core.windows.net"
    AZURE_CLIENT_ID     = azurerm_user_assigned_identity.orders.client_id
  }
}

resource "azurerm_role_assignment" "orders_blob" {
  scope                = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-orders"
  role_definition_name = "Storage Blob Data Reader"
  principal_id         = azurerm_user_assigned_identity.orders.principal_id
}
