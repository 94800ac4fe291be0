terraform {
  required_providers {
    azapi = {
      source  = "Azure/azapi"
      version = "~> 2.0"
    }
  }
}

provider "azapi" {}

resource "azapi_resource" "auditor" {
  type      = "Microsoft.Authorization/roleDefinitions@2022-04-01"
  name      = "3e9f1a2b-6c7d-4e8f-9a0b-1c2d3e4f5a6b"
  parent_id = "/providers/Microsoft.Management/managementGroups/platform"

  body = {
    properties = {
      roleName = "Auditor"
      type     = "CustomRole"
      permissions = [
        {
          actions = ["*/read"]
        }
      ]
      assignableScopes = ["/providers/Microsoft.Management/managementGroups/platform"]
    }
  }
}
