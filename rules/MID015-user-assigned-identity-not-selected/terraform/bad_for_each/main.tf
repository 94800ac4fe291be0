locals {
  regions = toset(["westeurope", "northeurope"])
}

resource "azurerm_user_assigned_identity" "orders" {
  name                = "id-orders"
  location            = "westeurope"
  resource_group_name = "rg-orders"
}

resource "azurerm_user_assigned_identity" "telemetry" {
  name                = "id-telemetry"
  location            = "westeurope"
  resource_group_name = "rg-orders"
}

resource "azurerm_windows_function_app" "orders" {
  for_each            = local.regions
  name                = "func-orders-${each.key}"
  location            = each.key
  resource_group_name = "rg-orders"
  service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-orders/providers/Microsoft.Web/serverFarms/asp-orders"

  identity {
    type = "UserAssigned"
    identity_ids = [
      azurerm_user_assigned_identity.orders.id,
      azurerm_user_assigned_identity.telemetry.id,
    ]
  }

  site_config {}
}
