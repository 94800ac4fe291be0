terraform {
  required_providers {
    azapi = {
      source  = "Azure/azapi"
      version = "~> 2.0"
    }
  }
}

provider "azapi" {}

variable "site_id" {
  type = string
}

variable "resource_group_id" {
  type = string
}

resource "azapi_resource" "appsettings" {
  type      = "Microsoft.Web/sites/config@2023-12-01"
  name      = "appsettings"
  parent_id = var.site_id

  body = {
    properties = {
      MICROSOFT_PROVIDER_AUTHENTICATION_SECRET = "U257Q~5oEEFuUbyDG1TdVYkaGbWXsd9D_6Y993Cm"
      WEBSITE_RUN_FROM_PACKAGE                 = "1"
    }
  }
}

# azapi 1.x style: the body is an encoded string
resource "azapi_resource" "migrate" {
  type      = "Microsoft.Resources/deploymentScripts@2023-08-01"
  name      = "orders-migrate"
  parent_id = var.resource_group_id
  location  = "westeurope"

  body = jsonencode({
    kind = "AzureCLI"
    properties = {
      azCliVersion      = "2.61.0"
      retentionInterval = "PT1H"
      primaryScriptUri  = "https://stordersprod.blob.core.windows.net/releases/migrate.sh?sv=2022-11-02&sr=b&sp=r&se=2026-12-31T23:59:59Z&spr=https&sig=EsyjjbE4v3dqKrLW35Lxl6MlMAdvtHRcprB2Yk99yUh%3D"
    }
  })
}
