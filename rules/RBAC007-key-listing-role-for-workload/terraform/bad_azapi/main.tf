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
  name     = "rg-ingest"
  location = "westeurope"
}

resource "azurerm_user_assigned_identity" "ingest" {
  name                = "id-ingest"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
}

resource "azapi_resource" "ingest_storage" {
  type      = "Microsoft.Authorization/roleAssignments@2022-04-01"
  name      = uuidv5("url", "${azurerm_resource_group.rg.id}/${azurerm_user_assigned_identity.ingest.principal_id}/sac")
  parent_id = azurerm_resource_group.rg.id

  body = {
    properties = {
      roleDefinitionId = "/providers/Microsoft.Authorization/roleDefinitions/17d1049b-9a84-46fb-8f53-869881c3d3ab"
      principalId      = azurerm_user_assigned_identity.ingest.principal_id
      principalType    = "ServicePrincipal"
    }
  }
}
