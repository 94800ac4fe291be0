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

resource "azapi_resource" "appsettings" {
  type      = "Microsoft.Web/sites/config@2023-12-01"
  name      = "appsettings"
  parent_id = var.site_id

  body = {
    properties = {
      AzureWebJobsStorage__accountName    = "stordersprod"
      ServiceBus__fullyQualifiedNamespace = "sb-orders.servicebus.windows.net"
      ServiceBus__clientId                = "6d1b3f52-8a0e-4c7d-9b21-3e5f7a9c0d14"
      SMTP_PASSWORD                       = "@Microsoft.KeyVault(SecretUri=https://kv-orders.vault.azure.net/secrets/smtp-password/)"
      FUNCTIONS_WORKER_RUNTIME            = "dotnet-isolated"
    }
  }
}
