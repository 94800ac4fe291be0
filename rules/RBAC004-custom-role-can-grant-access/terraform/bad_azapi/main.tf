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

resource "azapi_resource" "platform_role" {
  type      = "Microsoft.Authorization/roleDefinitions@2022-04-01"
  name      = "0d3c9a4e-5a0b-4d8f-8e0c-2b7a9f1c6e42"
  parent_id = "/subscriptions/${data.azapi_client_config.current.subscription_id}"

  body = {
    properties = {
      roleName = "Platform Engineer"
      type     = "CustomRole"
      permissions = [
        {
          actions    = ["*"]
          notActions = ["Microsoft.Authorization/roleDefinitions/write"]
        }
      ]
      assignableScopes = ["/subscriptions/${data.azapi_client_config.current.subscription_id}"]
    }
  }
}
