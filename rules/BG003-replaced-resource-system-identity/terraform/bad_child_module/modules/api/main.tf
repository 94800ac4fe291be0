variable "name" {
  type = string
}

variable "resource_group_name" {
  type = string
}

variable "location" {
  type = string
}

variable "bus_id" {
  type = string
}

resource "azurerm_service_plan" "plan" {
  name                = "asp-${var.name}"
  resource_group_name = var.resource_group_name
  location            = var.location
  os_type             = "Linux"
  sku_name            = "EP1"
}

resource "azurerm_linux_function_app" "fn" {
  name                          = var.name
  resource_group_name           = var.resource_group_name
  location                      = var.location
  service_plan_id               = azurerm_service_plan.plan.id
  storage_account_name          = "stfuncapi"
  storage_uses_managed_identity = true

  identity {
    type = "SystemAssigned"
  }

  site_config {}

  lifecycle {
    create_before_destroy = true
  }
}

resource "azurerm_role_assignment" "send" {
  scope                = var.bus_id
  role_definition_name = "Azure Service Bus Data Sender"
  principal_id         = azurerm_linux_function_app.fn.identity[0].principal_id
}

resource "azurerm_role_assignment" "receive" {
  scope                = var.bus_id
  role_definition_name = "Azure Service Bus Data Receiver"
  principal_id         = azurerm_linux_function_app.fn.identity[0].principal_id
}
