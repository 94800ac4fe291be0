terraform {
  required_providers {
    azapi = {
      source  = "Azure/azapi"
      version = "~> 2.0"
    }
  }
}

provider "azapi" {}

variable "account_id" {
  type = string
}

variable "principal_id" {
  type = string
}

resource "azapi_resource" "cosmos_reader" {
  type      = "Microsoft.Authorization/roleAssignments@2022-04-01"
  name      = uuidv5("url", "${var.account_id}/${var.principal_id}/reader")
  parent_id = var.account_id

  body = {
    properties = {
      roleDefinitionId = "/providers/Microsoft.Authorization/roleDefinitions/00000000-0000-0000-0000-000000000001"
      principalId      = var.principal_id
      principalType    = "ServicePrincipal"
    }
  }
}
