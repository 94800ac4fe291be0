variable "environment_id" {
  type = string
}

variable "resource_group_id" {
  type = string
}

resource "azapi_resource" "billing" {
  type      = "Microsoft.App/containerApps@2024-03-01"
  name      = "ca-billing"
  parent_id = var.resource_group_id
  location  = "westeurope"

  identity {
    type = "SystemAssigned"
  }

  body = {
    properties = {
      environmentId = var.environment_id
      configuration = {
        activeRevisionsMode = "Single"
        registries = [
          {
            server   = "acrbilling.azurecr.io"
            identity = "system"
          }
        ]
      }
      template = {
        containers = [
          {
            name  = "billing"
            image = "acrbilling.azurecr.io/billing:3.1.0"
          }
        ]
      }
    }
  }
}
