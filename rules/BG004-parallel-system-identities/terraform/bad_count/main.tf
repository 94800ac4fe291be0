variable "replicas" {
  type    = number
  default = 2
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-events"
  location = "westeurope"
}

resource "azurerm_container_app_environment" "env" {
  name                = "cae-events"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
}

resource "azurerm_eventhub_namespace" "ns" {
  name                = "evhns-events"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  sku                 = "Standard"
  local_authentication_enabled = false
}

resource "azurerm_container_app" "consumer" {
  count                        = var.replicas
  name                         = "ca-consumer-${count.index}"
  container_app_environment_id = azurerm_container_app_environment.env.id
  resource_group_name          = azurerm_resource_group.rg.name
  revision_mode                = "Single"

  identity {
    type = "SystemAssigned"
  }

  template {
    container {
      name   = "consumer"
      image  = "mcr.microsoft.com/k8se/quickstart:latest"
      cpu    = 0.25
      memory = "0.5Gi"
    }
  }
}

resource "azurerm_role_assignment" "consumer_receive" {
  count                = var.replicas
  scope                = azurerm_eventhub_namespace.ns.id
  role_definition_name = "Azure Event Hubs Data Receiver"
  principal_id         = azurerm_container_app.consumer[count.index].identity[0].principal_id
}
