terraform {
  required_providers {
    azapi = {
      source = "Azure/azapi"
    }
  }
}

variable "resource_group_id" {
  type    = string
  default = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web"
}

variable "plan_id" {
  type    = string
  default = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.Web/serverfarms/asp-web"
}

resource "azapi_resource" "web" {
  type      = "Microsoft.Web/sites@2023-12-01"
  name      = "app-web"
  parent_id = var.resource_group_id
  location  = "westeurope"

  identity {
    type = "SystemAssigned"
  }

  body = {
    properties = {
      serverFarmId = var.plan_id
      httpsOnly    = true
    }
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "azapi_resource" "web_reader" {
  type      = "Microsoft.Authorization/roleAssignments@2022-04-01"
  name      = "5d3f2a0e-7b61-4c1e-9a55-0c4d8f6b2e11"
  parent_id = var.resource_group_id

  body = {
    properties = {
      roleDefinitionId = "/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7"
      principalId      = azapi_resource.web.identity[0].principal_id
      principalType    = "ServicePrincipal"
    }
  }
}
