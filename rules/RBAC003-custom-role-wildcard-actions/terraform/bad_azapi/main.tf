terraform {
  required_providers {
    azapi = {
      source  = "Azure/azapi"
      version = "~> 2.0"
    }
  }
}

provider "azapi" {}

data "azapi_client_config" "current" {}

resource "azapi_resource" "support_role" {
  type      = "Microsoft.Authorization/roleDefinitions@2022-04-01"
  name      = "6a1e2b44-7c1d-4a8e-9a55-0f3c1d2e4b71"
  parent_id = "/subscriptions/${data.azapi_client_config.current.subscription_id}"

  body = {
    properties = {
      roleName = "Support Engineer"
      type     = "CustomRole"
      permissions = [
        {
          actions    = ["Microsoft.Support/*", "*/read"]
          notActions = []
        }
      ]
      assignableScopes = ["/subscriptions/${data.azapi_client_config.current.subscription_id}"]
    }
  }
}
