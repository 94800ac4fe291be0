variable "color" {
  type = string
}

resource "azurerm_linux_web_app" "app" {
  name                = "app-shop-${var.color}"
  resource_group_name = "rg-shop"
  location            = "westeurope"
  service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-shop/providers/Microsoft.Web/serverfarms/asp"

  identity {
    type = "SystemAssigned"
  }

  site_config {}
}

resource "azurerm_role_assignment" "reader" {
  scope                = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-shop"
  role_definition_name = "Reader"
  principal_id         = azurerm_linux_web_app.app.identity[0].principal_id
}
