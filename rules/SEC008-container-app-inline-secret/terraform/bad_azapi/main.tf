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

resource "azapi_resource" "worker" {
  type      = "Microsoft.App/containerApps@2024-03-01"
  name      = "ca-orders-worker"
  parent_id = var.resource_group_id
  location  = "westeurope"

  body = {
    properties = {
      managedEnvironmentId = var.environment_id
      configuration = {
        secrets = [
          {
            name  = "partner-api-key"
            value = "partner-api-key-2024"
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
