terraform {
  required_providers {
    azapi = {
      source  = "Azure/azapi"
      version = "~> 2.0"
    }
  }
}

variable "vault_id" {
  type = string
}

variable "admin_object_id" {
  type = string
}

resource "azapi_resource" "admin_secrets" {
  type      = "Microsoft.Authorization/roleAssignments@2022-04-01"
  name      = uuidv5("url", "${var.vault_id}/${var.admin_object_id}/secrets-officer")
  parent_id = var.vault_id

  body = {
    properties = {
      roleDefinitionId = "/providers/Microsoft.Authorization/roleDefinitions/b86a8fe4-44ce-4948-aee5-eccb2c155cd7"
      principalId      = var.admin_object_id
      principalType    = "User"
    }
  }
}
