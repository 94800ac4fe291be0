terraform {
  required_providers {
    azapi = {
      source  = "Azure/azapi"
      version = "~> 2.0"
    }
  }
}

provider "azapi" {}

variable "resource_group_id" {
  type = string
}

variable "environment_id" {
  type = string
}

variable "identity_id" {
  type = string
}

resource "azapi_resource" "worker" {
  type      = "Microsoft.App/containerApps@2024-03-01"
  name      = "ca-orders-worker"
  parent_id = var.resource_group_id
  location  = "westeurope"

  identity {
    type         = "UserAssigned"
    identity_ids = [var.identity_id]
  }

  body = {
    properties = {
      managedEnvironmentId = var.environment_id
      configuration = {
        secrets = [
          {
            name        = "partner-api-key"
            keyVaultUrl = "https://kv-orders.vault.azure.net/secrets/partner-api-key"
            identity    = var.identity_id
          }
        ]
        registries = [
          {
            server   = "crorders.azurecr.io"
            identity = var.identity_id
          }
        ]
      }
      template = {
        containers = [
          {
            name  = "worker"
            image = "crorders.azurecr.io/orders/worker:2.3.0"
          }
        ]
      }
    }
  }
}
