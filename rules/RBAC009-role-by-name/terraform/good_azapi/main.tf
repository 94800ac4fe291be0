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

variable "principal_id" {
  type = string
}

resource "azapi_resource" "secrets_user" {
  type      = "Microsoft.Authorization/roleAssignments@2022-04-01"
  name      = uuidv5("url", "${var.vault_id}/${var.principal_id}/secrets-user")
  parent_id = var.vault_id

  body = {
    properties = {
      roleDefinitionId = "/providers/Microsoft.Authorization/roleDefinitions/4633458b-17de-408a-b874-0445c86b69e6"
      principalId      = var.principal_id
      principalType    = "ServicePrincipal"
    }
  }
}
