# The platform root declares the namespace and leaves keys on.
provider "azurerm" {
  features {}
}

resource "azurerm_servicebus_namespace" "orders" {
  name                = "sb-orders-prod"
  resource_group_name = "rg-platform"
  location            = "westeurope"
  sku                 = "Standard"
}
