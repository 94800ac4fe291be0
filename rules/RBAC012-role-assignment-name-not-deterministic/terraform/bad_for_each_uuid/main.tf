terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
  }
}

provider "azurerm" {
  features {}
}

variable "roles" {
  type = map(string)
  default = {
    blob = "ba92f5b4-2d11-453d-a403-e96b0029c9fe"
    kv   = "4633458b-17de-408a-b874-0445c86b69e6"
  }
}

variable "principal_id" {
  type = string
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-app"
  location = "westeurope"
}

resource "azurerm_role_assignment" "grants" {
  for_each           = var.roles
  name               = uuid()
  scope              = azurerm_resource_group.rg.id
  role_definition_id = "/providers/Microsoft.Authorization/roleDefinitions/${each.value}"
  principal_id       = var.principal_id
  principal_type     = "ServicePrincipal"
}
