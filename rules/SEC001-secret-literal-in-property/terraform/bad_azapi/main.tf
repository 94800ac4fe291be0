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

resource "azapi_resource" "sql" {
  type      = "Microsoft.Sql/servers@2023-05-01-preview"
  name      = "sql-orders-prod"
  parent_id = var.resource_group_id
  location  = "westeurope"

  body = {
    properties = {
      administratorLogin         = "sqladmin"
      administratorLoginPassword = "Orders-Sql-2024!"
      minimalTlsVersion          = "1.2"
    }
  }
}

# azapi 1.x style: the body is an encoded string
resource "azapi_resource" "kv_secret" {
  type      = "Microsoft.KeyVault/vaults/secrets@2023-07-01"
  name      = "partner-api-secret"
  parent_id = "${var.resource_group_id}/providers/Microsoft.KeyVault/vaults/kv-orders"

  body = jsonencode({
    properties = {
      contentType = "text/plain"
      value       = "partner-shared-secret-not-rotated"
    }
  })
}
