terraform {
  required_providers {
    azapi = {
      source  = "Azure/azapi"
      version = "~> 2.0"
    }
  }
}

provider "azapi" {}

variable "group_object_id" {
  type = string
}

variable "resource_group_id" {
  type = string
}

resource "azapi_resource" "uaa" {
  type      = "Microsoft.Authorization/roleAssignments@2022-04-01"
  name      = uuidv5("url", "${var.resource_group_id}/${var.group_object_id}/uaa")
  parent_id = var.resource_group_id

  body = {
    properties = {
      roleDefinitionId = "/providers/Microsoft.Authorization/roleDefinitions/18d7d88d-d35e-4fb5-a5c3-7773c20a72d9"
      principalId      = var.group_object_id
      principalType    = "Group"
    }
  }
}
