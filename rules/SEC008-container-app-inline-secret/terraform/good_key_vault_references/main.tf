terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
  }
}

provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-orders"
  location = "westeurope"
}

resource "azurerm_log_analytics_workspace" "log" {
  name                = "log-orders"
  location            = azurerm_resource_group.rg.location
  resource_group_name = azurerm_resource_group.rg.name
}

resource "azurerm_user_assigned_identity" "worker" {
  name                = "id-orders-worker"
  location            = azurerm_resource_group.rg.location
  resource_group_name = azurerm_resource_group.rg.name
}

# the provider reads the workspace key itself; nothing is written here
resource "azurerm_container_app_environment" "env" {
  name                       = "cae-orders"
  location                   = azurerm_resource_group.rg.location
  resource_group_name        = azurerm_resource_group.rg.name
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
}

resource "azurerm_container_app" "worker" {
  name                         = "ca-orders-worker"
  container_app_environment_id = azurerm_container_app_environment.env.id
  resource_group_name          = azurerm_resource_group.rg.name
  revision_mode                = "Single"

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.worker.id]
  }

  secret {
    name                = "partner-api-key"
    identity            = azurerm_user_assigned_identity.worker.id
    key_vault_secret_id = "https://kv-orders.vault.azure.net/secrets/partner-api-key"
  }

  registry {
    server   = "crorders.azurecr.io"
    identity = azurerm_user_assigned_identity.worker.id
  }

  template {
    container {
      name   = "worker"
      image  = "crorders.azurecr.io/orders/worker:2.3.0"
      cpu    = 0.5
      memory = "1Gi"

      env {
        name        = "PartnerApiKey"
        secret_name = "partner-api-key"
      }

      env {
        name  = "ServiceBus__fullyQualifiedNamespace"
        value = "sb-orders.servicebus.windows.net"
      }

      env {
        name  = "AZURE_CLIENT_ID"
        value = azurerm_user_assigned_identity.worker.client_id
      }
    }
  }
}
