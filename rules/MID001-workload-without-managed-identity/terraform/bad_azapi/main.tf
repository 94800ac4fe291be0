terraform {
  required_providers {
    azapi = {
      source  = "Azure/azapi"
      version = "~> 2.0"
    }
  }
}

resource "azapi_resource" "factory" {
  type      = "Microsoft.DataFactory/factories@2018-06-01"
  name      = "adf-reports"
  parent_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-reports"
  location  = "westeurope"

  body = {
    properties = {
      publicNetworkAccess = "Disabled"
    }
  }
}
