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

variable "pg_admin_password" {
  type = string
}

resource "azapi_resource" "pg" {
  type      = "Microsoft.DBforPostgreSQL/flexibleServers@2022-12-01"
  name      = "psql-orders-prod"
  parent_id = var.resource_group_id
  location  = "westeurope"

  body = {
    sku = {
      name = "Standard_B1ms"
      tier = "Burstable"
    }
    properties = {
      version                    = "15"
      administratorLogin         = "pgadmin"
      administratorLoginPassword = var.pg_admin_password
    }
  }
}
