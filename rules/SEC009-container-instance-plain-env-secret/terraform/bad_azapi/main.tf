terraform {
  required_providers {
    azapi = {
      source  = "Azure/azapi"
      version = "~> 2.0"
    }
  }
}

provider "azapi" {}

variable "resource_group_id" {
  type = string
}

variable "registry_password" {
  type      = string
  sensitive = true
}

resource "azapi_resource" "importer" {
  type      = "Microsoft.ContainerInstance/containerGroups@2023-05-01"
  name      = "aci-catalog-importer"
  parent_id = var.resource_group_id
  location  = "westeurope"

  body = {
    properties = {
      osType        = "Linux"
      restartPolicy = "Never"
      containers = [
        {
          name = "importer"
          properties = {
            image = "contosoacr.azurecr.io/catalog/importer:0.9.0"
            resources = {
              requests = {
                cpu        = 1
                memoryInGB = 1
              }
            }
            environmentVariables = [
              {
                name  = "CATALOG_REGION"
                value = "emea"
              },
              {
                name  = "CATALOG_API_TOKEN"
                value = "cat-live-7c1e9a0b44d2f6"
              },
              {
                name        = "REGISTRY_PASSWORD"
                secureValue = var.registry_password
              }
            ]
          }
        }
      ]
    }
  }
}
