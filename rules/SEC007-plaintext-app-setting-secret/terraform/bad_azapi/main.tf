terraform {
  required_providers {
    azapi = {
      source  = "Azure/azapi"
      version = "~> 2.0"
    }
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
  }
}

provider "azurerm" {
  features {}
}

provider "azapi" {}

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

resource "azapi_resource" "func" {
  type      = "Microsoft.Web/sites@2023-12-01"
  name      = "func-orders"
  parent_id = azurerm_resource_group.rg.id
  location  = azurerm_resource_group.rg.location

  body = {
    kind = "functionapp"
    properties = {
      serverFarmId = "${azurerm_resource_group.rg.id}/providers/Microsoft.Web/serverfarms/asp-orders"
      siteConfig = {
        appSettings = [
          {
            name  = "AzureWebJobsStorage"
            value = "DefaultEndpointsProtocol=https;AccountName=${azurerm_storage_account.sa.name};AccountKey=${azurerm_storage_account.sa.primary_access_key}"
          },
          {
            name  = "FUNCTIONS_EXTENSION_VERSION"
            value = "~4"
          }
        ]
      }
    }
  }
}

resource "azapi_resource" "appsettings" {
  type      = "Microsoft.Web/sites/config@2023-12-01"
  name      = "appsettings"
  parent_id = azapi_resource.func.id

  body = {
    properties = {
      SMTP_PASSWORD            = "Mailer#2024"
      FUNCTIONS_WORKER_RUNTIME = "dotnet-isolated"
    }
  }
}
