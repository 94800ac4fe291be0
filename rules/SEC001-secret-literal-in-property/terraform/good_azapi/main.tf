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

variable "sql_admin_password" {
  type      = string
  sensitive = true
}

resource "azapi_resource" "sql" {
  type      = "Microsoft.Sql/servers@2023-05-01-preview"
  name      = "sql-orders-prod"
  parent_id = var.resource_group_id
  location  = "westeurope"

  body = {
    properties = {
      administratorLogin         = "sqladmin"
      administratorLoginPassword = var.sql_admin_password
      minimalTlsVersion          = "1.2"
    }
  }
}
