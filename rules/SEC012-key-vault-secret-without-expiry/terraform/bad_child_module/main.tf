terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
  }
}

provider "azurerm" {
  features {}
}

variable "key_vault_id" {
  type = string
}

variable "storage_connection_string" {
  type      = string
  sensitive = true
}

module "storage_secret" {
  source = "./modules/secret"

  name         = "storage-connection-string"
  value        = var.storage_connection_string
  key_vault_id = var.key_vault_id
}
