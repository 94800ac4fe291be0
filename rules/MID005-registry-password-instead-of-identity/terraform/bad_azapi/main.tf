terraform {
  required_providers {
    azapi = {
      source  = "Azure/azapi"
      version = "~> 2.0"
    }
  }
}

resource "azapi_resource" "app" {
  type      = "Microsoft.App/containerApps@2024-03-01"
  name      = "ca-contoso-api"
  parent_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-contoso"
  location  = "westeurope"

  identity {
    type = "SystemAssigned"
  }

  body = {
    properties = {
      managedEnvironmentId = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-contoso/providers/Microsoft.App/managedEnvironments/cae-contoso"
      configuration = {
        registries = [{
          server            = "crcontoso.azurecr.io"
          username          = "crcontoso"
          passwordSecretRef = "acr-password"
        }]
      }
    }
  }
}
