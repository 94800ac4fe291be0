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

variable "tenant_id" {
  type = string
}

variable "principal_id" {
  type = string
}

# azapi vault on API 2023-07-01 without enableRbacAuthorization: access policies.
resource "azapi_resource" "vault" {
  type      = "Microsoft.KeyVault/vaults@2023-07-01"
  name      = "kv-azapi"
  parent_id = var.resource_group_id
  location  = "westeurope"

  body = {
    properties = {
      tenantId = var.tenant_id
      sku = {
        family = "A"
        name   = "standard"
      }
      accessPolicies = []
    }
  }
}

resource "azapi_resource" "vault_admin" {
  type      = "Microsoft.Authorization/roleAssignments@2022-04-01"
  name      = uuidv5("url", "${azapi_resource.vault.id}/${var.principal_id}/admin")
  parent_id = azapi_resource.vault.id

  body = {
    properties = {
      roleDefinitionId = "/providers/Microsoft.Authorization/roleDefinitions/00482a5a-887f-4fb3-b363-3b7fe8e74483"
      principalId      = var.principal_id
      principalType    = "ServicePrincipal"
    }
  }
}
