variable "storage_connection" {
  description = "Connection string of the orders storage account"
  type        = string
  default     = "DefaultEndpointsProtocol=https;AccountName=storders;AccountKey=BwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8wMTIzNDU2Nzg5Ojs8PT4/QEFCQ0RFRg==;EndpointSuffix=core.windows.net"
}

resource "azurerm_linux_web_app" "orders" {
  name                = "app-orders"
  resource_group_name = "rg-orders"
  location            = "westeurope"
  service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-orders/providers/Microsoft.Web/serverFarms/asp-orders"

  site_config {}

  app_settings = {
    ORDERS_STORAGE = var.storage_connection
  }
}
