terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
    tls = {
      source  = "hashicorp/tls"
      version = "~> 4.0"
    }
  }
}

provider "azurerm" {
  features {}
}

# Local runs use Azurite with its published development account key (see the storage docs).
variable "sql_password" {
  type      = string
  sensitive = true
}

variable "sample_connection" {
  type    = string
  default = "Endpoint=sb://<namespace>.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=<shared-access-key>"
}

locals {
  azurite_connection = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;"
  docs_connection    = "DefaultEndpointsProtocol=https;AccountName=docs;AccountKey=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx==;EndpointSuffix=core.windows.net"
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-orders"
  location = "westeurope"
}

resource "azurerm_storage_account" "sa" {
  name                     = "stordersprod"
  resource_group_name      = azurerm_resource_group.rg.name
  location                 = azurerm_resource_group.rg.location
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "tls_private_key" "deploy" {
  algorithm = "ED25519"
}

resource "azurerm_service_plan" "plan" {
  name                = "asp-orders"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  os_type             = "Linux"
  sku_name            = "P1v3"
}

resource "azurerm_linux_web_app" "api" {
  name                = "app-orders-api"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  service_plan_id     = azurerm_service_plan.plan.id

  site_config {}

  app_settings = {
    LocalStorage     = local.azurite_connection
    EmulatorShortcut = "UseDevelopmentStorage=true"
    DocsStorage      = local.docs_connection
    ReportsStorage   = "DefaultEndpointsProtocol=https;AccountName=${azurerm_storage_account.sa.name};AccountKey=${azurerm_storage_account.sa.primary_access_key}"
    ServiceBusSample = var.sample_connection
    PartnerSecret    = "@Microsoft.KeyVault(SecretUri=https://kv-orders.vault.azure.net/secrets/partner-secret/)"
    DeployPublicKey  = tls_private_key.deploy.public_key_openssh
    AZURE_CLIENT_ID  = "6d1b3f52-8a0e-4c7d-9b21-3e5f7a9c0d14"
  }

  connection_string {
    name  = "Orders"
    type  = "SQLAzure"
    value = "Server=tcp:sql-orders-prod.database.windows.net;Database=orders;User ID=orders_app;Password=${var.sql_password};"
  }

  connection_string {
    name  = "Reporting"
    type  = "SQLAzure"
    value = "Server=tcp:sql-orders-prod.database.windows.net;Database=reporting;Uid=reporter;Pwd=$(REPORTING_PASSWORD);"
  }

  connection_string {
    name  = "Template"
    type  = "SQLAzure"
    value = "Server=tcp:<server>.database.windows.net;Database=orders;User ID=<user>;Password=<password>;"
  }
}

resource "azurerm_key_vault_secret" "ca_bundle" {
  name         = "partner-ca-bundle"
  key_vault_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-orders/providers/Microsoft.KeyVault/vaults/kv-orders"
  content_type = "application/x-pem-file"
  value        = <<-EOT
    -----BEGIN CERTIFICATE-----
    MIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ
    -----END CERTIFICATE-----
  EOT
}
