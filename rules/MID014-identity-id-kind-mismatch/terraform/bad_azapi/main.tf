terraform {
  required_providers {
    azapi = {
      source  = "Azure/azapi"
      version = "~> 2.0"
    }
  }
}

resource "azurerm_user_assigned_identity" "reports" {
  name                = "id-reports"
  location            = "westeurope"
  resource_group_name = "rg-reports"
}

resource "azapi_resource" "reader" {
  type      = "Microsoft.Authorization/roleAssignments@2022-04-01"
  name      = "6b0a9c57-2f0e-4a58-9d34-0c1f3e8a7b21"
  parent_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-reports"

  body = {
    properties = {
      roleDefinitionId = "/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7"
      principalId      = azurerm_user_assigned_identity.reports.client_id
      principalType    = "ServicePrincipal"
    }
  }
}
