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

resource "azurerm_resource_group" "rg" {
  name     = "rg-automation"
  location = "westeurope"
}

resource "azurerm_user_assigned_identity" "automation" {
  name                = "id-automation"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
}

resource "azapi_resource" "automation_reader" {
  type      = "Microsoft.Authorization/roleAssignments@2022-04-01"
  name      = uuidv5("url", "${azurerm_resource_group.rg.id}/${azurerm_user_assigned_identity.automation.principal_id}/reader")
  parent_id = azurerm_resource_group.rg.id

  body = {
    properties = {
      roleDefinitionId = "/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7"
      principalId      = azurerm_user_assigned_identity.automation.principal_id
      principalType    = "Group"
    }
  }
}
