resource "azurerm_resource_group" "rg" {
  name     = "rg-api"
  location = "westeurope"
}

resource "azurerm_servicebus_namespace" "bus" {
  name                = "sb-api"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  sku                 = "Standard"
  local_auth_enabled  = false
}

module "api" {
  source              = "./modules/api"
  name                = "func-api"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  bus_id              = azurerm_servicebus_namespace.bus.id
}
