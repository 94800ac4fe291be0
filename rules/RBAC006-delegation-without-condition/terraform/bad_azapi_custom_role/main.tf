terraform {
  required_providers {
    azapi = {
      source  = "Azure/azapi"
      version = "~> 2.0"
    }
  }
}

provider "azapi" {}

variable "subscription_id" {
  type = string
}

variable "team_group_object_id" {
  type = string
}

# A custom role named by a literal GUID, assigned by that GUID.
resource "azapi_resource" "access_manager" {
  type      = "Microsoft.Authorization/roleDefinitions@2022-04-01"
  name      = "5d1f0a3c-8b7e-4c2d-9f6a-3e2b1c0d9a87"
  parent_id = "/subscriptions/${var.subscription_id}"

  body = {
    properties = {
      roleName = "Team Access Manager"
      type     = "CustomRole"
      permissions = [
        {
          actions = [
            "Microsoft.Authorization/roleAssignments/read",
            "Microsoft.Authorization/roleAssignments/write",
          ]
        }
      ]
      assignableScopes = ["/subscriptions/${var.subscription_id}"]
    }
  }
}

resource "azapi_resource" "team_access_manager" {
  type      = "Microsoft.Authorization/roleAssignments@2022-04-01"
  name      = uuidv5("url", "${var.subscription_id}/${var.team_group_object_id}/access-manager")
  parent_id = "/subscriptions/${var.subscription_id}"

  body = {
    properties = {
      roleDefinitionId = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/5d1f0a3c-8b7e-4c2d-9f6a-3e2b1c0d9a87"
      principalId      = var.team_group_object_id
      principalType    = "Group"
    }
  }
}
