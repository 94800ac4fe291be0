terraform {
  required_providers {
    azapi = {
      source  = "Azure/azapi"
      version = "~> 1.13"
    }
  }
}

provider "azapi" {}

variable "resource_group_id" {
  type = string
}

resource "azapi_resource" "acr" {
  type      = "Microsoft.ContainerRegistry/registries@2023-07-01"
  name      = "contosolegacyacr"
  parent_id = var.resource_group_id
  location  = "westeurope"

  body = jsonencode({
    sku = {
      name = "Basic"
    }
    properties = {
      adminUserEnabled = true
    }
  })

  response_export_values = ["properties.loginServer"]
}
