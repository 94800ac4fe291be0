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

variable "admin_username" {
  type    = string
  default = "azureuser"
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

resource "random_password" "db" {
  length = 32
}

output "storage_key" {
  value     = azurerm_storage_account.sa.primary_access_key
  sensitive = true
}

output "db_password" {
  value     = random_password.db.result
  sensitive = true
}

output "admin_password" {
  value     = var.admin_password
  sensitive = true
}

# A hash of a secret is not the secret (the documented use of nonsensitive()).
output "admin_password_sha256" {
  value = nonsensitive(sha256(var.admin_password))
}

output "storage_id" {
  value = azurerm_storage_account.sa.id
}

output "blob_endpoint" {
  value = azurerm_storage_account.sa.primary_blob_endpoint
}

output "admin_username" {
  value = var.admin_username
}

output "db_password_secret_name" {
  value = "db-admin-password"
}
