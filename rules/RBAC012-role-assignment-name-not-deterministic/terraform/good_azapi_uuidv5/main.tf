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

locals {
  secrets_user = "/providers/Microsoft.Authorization/roleDefinitions/4633458b-17de-408a-b874-0445c86b69e6"
}

resource "azapi_resource" "secrets_user" {
  type      = "Microsoft.Authorization/roleAssignments@2022-04-01"
  name      = uuidv5("url", "${var.vault_id}/${var.principal_id}/${local.secrets_user}")
  parent_id = var.vault_id

  body = {
    properties = {
      roleDefinitionId = local.secrets_user
      principalId      = var.principal_id
      principalType    = "ServicePrincipal"
    }
  }
}
