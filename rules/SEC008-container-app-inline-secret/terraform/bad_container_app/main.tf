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

variable "job_secrets" {
  type      = map(string)
  sensitive = true
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

resource "azurerm_storage_account" "share" {
  name                     = "stordersshare"
  resource_group_name      = azurerm_resource_group.rg.name
  location                 = azurerm_resource_group.rg.location
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_servicebus_namespace" "sb" {
  name                = "sb-orders"
  location            = azurerm_resource_group.rg.location
  resource_group_name = azurerm_resource_group.rg.name
  sku                 = "Standard"
}

data "azurerm_key_vault_secret" "partner" {
  name         = "partner-api-key"
  key_vault_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-secrets/providers/Microsoft.KeyVault/vaults/kv-orders"
}

resource "azurerm_container_app_environment" "env" {
  name                       = "cae-orders"
  location                   = azurerm_resource_group.rg.location
  resource_group_name        = azurerm_resource_group.rg.name
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id
}

resource "azurerm_container_app_environment_storage" "exports" {
  name                         = "exports"
  container_app_environment_id = azurerm_container_app_environment.env.id
  account_name                 = azurerm_storage_account.share.name
  share_name                   = "exports"
  access_key                   = azurerm_storage_account.share.primary_access_key
  access_mode                  = "ReadWrite"
}

resource "azurerm_container_app" "worker" {
  name                         = "ca-orders-worker"
  container_app_environment_id = azurerm_container_app_environment.env.id
  resource_group_name          = azurerm_resource_group.rg.name
  revision_mode                = "Single"

  secret {
    name  = "servicebus-connection"
    value = azurerm_servicebus_namespace.sb.default_primary_connection_string
  }

  # read from Key Vault at plan time, then stored in the app (and in state)
  secret {
    name  = "partner-api-key"
    value = data.azurerm_key_vault_secret.partner.value
  }

  template {
    container {
      name   = "worker"
      image  = "crorders.azurecr.io/orders/worker:2.3.0"
      cpu    = 0.5
      memory = "1Gi"

      env {
        name        = "ServiceBusConnection"
        secret_name = "servicebus-connection"
      }
    }
  }
}

resource "azurerm_container_app_job" "nightly" {
  name                         = "caj-orders-nightly"
  location                     = azurerm_resource_group.rg.location
  resource_group_name          = azurerm_resource_group.rg.name
  container_app_environment_id = azurerm_container_app_environment.env.id
  replica_timeout_in_seconds   = 1800

  schedule_trigger_config {
    cron_expression = "0 2 * * *"
  }

  dynamic "secret" {
    for_each = var.job_secrets
    content {
      name  = secret.key
      value = secret.value
    }
  }

  template {
    container {
      name   = "export"
      image  = "crorders.azurecr.io/orders/export:1.0.4"
      cpu    = 0.5
      memory = "1Gi"
    }
  }
}
