variable "resource_group_id" {
  type    = string
  default = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-notify"
}

variable "environment_id" {
  type = string
}

resource "azapi_resource" "notify_blue" {
  type      = "Microsoft.App/containerApps@2024-03-01"
  name      = "ca-notify-blue"
  parent_id = var.resource_group_id
  location  = "westeurope"
  identity {
    type = "SystemAssigned"
  }
  body = {
    properties = {
      environmentId = var.environment_id
      template = {
        containers = [{ name = "notify", image = "mcr.microsoft.com/k8se/quickstart:latest" }]
      }
    }
  }
}

resource "azapi_resource" "notify_green" {
  type      = "Microsoft.App/containerApps@2024-03-01"
  name      = "ca-notify-green"
  parent_id = var.resource_group_id
  location  = "westeurope"
  identity {
    type = "SystemAssigned"
  }
  body = {
    properties = {
      environmentId = var.environment_id
      template = {
        containers = [{ name = "notify", image = "mcr.microsoft.com/k8se/quickstart:latest" }]
      }
    }
  }
}

resource "azurerm_role_assignment" "blue_sender" {
  scope                = "${var.resource_group_id}/providers/Microsoft.ServiceBus/namespaces/sb-notify"
  role_definition_name = "Azure Service Bus Data Sender"
  principal_id         = azapi_resource.notify_blue.identity[0].principal_id
}

resource "azurerm_role_assignment" "green_sender" {
  scope                = "${var.resource_group_id}/providers/Microsoft.ServiceBus/namespaces/sb-notify"
  role_definition_name = "Azure Service Bus Data Sender"
  principal_id         = azapi_resource.notify_green.identity[0].principal_id
}
