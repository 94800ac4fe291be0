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

resource "azurerm_role_assignment" "reports_reader" {
  scope                = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-reports"
  role_definition_name = "Storage Blob Data Reader"
  principal_id         = azurerm_user_assigned_identity.reports.principal_id
}

resource "azapi_resource" "job" {
  type      = "Microsoft.App/jobs@2024-03-01"
  name      = "job-reports"
  parent_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-reports"
  location  = "westeurope"

  identity {
    type         = "SystemAssigned, UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.reports.id]
  }

  body = {
    properties = {
      configuration = {
        triggerType    = "Manual"
        replicaTimeout = 1800
      }
      template = {
        containers = [
          {
            name  = "report"
            image = "mcr.microsoft.com/k8se/quickstart-jobs:latest"
          }
        ]
      }
    }
  }
}
