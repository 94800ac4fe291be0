terraform {
  required_providers {
    azapi = {
      source  = "Azure/azapi"
      version = "~> 2.0"
    }
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
  }
}

provider "azurerm" {
  features {}
}

provider "azapi" {}

resource "azurerm_resource_group" "rg" {
  name     = "rg-secrets"
  location = "westeurope"
}

resource "azurerm_user_assigned_identity" "api" {
  name                = "id-api"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
}

resource "azapi_resource" "api_kv_admin" {
  type      = "Microsoft.Authorization/roleAssignments@2022-04-01"
  name      = uuidv5("url", "${azurerm_resource_group.rg.id}/${azurerm_user_assigned_identity.api.principal_id}/kv-admin")
  parent_id = azurerm_resource_group.rg.id

  body = {
    properties = {
      roleDefinitionId = "/providers/Microsoft.Authorization/roleDefinitions/00482a5a-887f-4fb3-b363-3b7fe8e74483"
      principalId      = azurerm_user_assigned_identity.api.principal_id
      principalType    = "ServicePrincipal"
    }
  }
}
