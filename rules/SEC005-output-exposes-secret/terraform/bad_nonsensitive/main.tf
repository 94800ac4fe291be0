terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }
}

provider "azurerm" {
  features {}
}

variable "admin_password" {
  type      = string
  sensitive = true
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

resource "azurerm_servicebus_namespace" "sb" {
  name                = "sb-orders"
  location            = azurerm_resource_group.rg.location
  resource_group_name = azurerm_resource_group.rg.name
  sku                 = "Standard"
}

resource "random_password" "db" {
  length = 32
}

data "azurerm_key_vault_secret" "partner" {
  name         = "partner-api-secret"
  key_vault_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-secrets/providers/Microsoft.KeyVault/vaults/kv-orders"
}

# nonsensitive() removes the protection Terraform would otherwise apply
output "storage_key" {
  value = nonsensitive(azurerm_storage_account.sa.primary_access_key)
}

output "servicebus_connection_string" {
  value = nonsensitive(azurerm_servicebus_namespace.sb.default_primary_connection_string)
}

output "db_password" {
  value = nonsensitive(random_password.db.result)
}

output "partner_secret" {
  value = nonsensitive(data.azurerm_key_vault_secret.partner.value)
}

output "admin_password" {
  description = "Printed so the on-call engineer can log in."
  value       = nonsensitive(var.admin_password)
}
