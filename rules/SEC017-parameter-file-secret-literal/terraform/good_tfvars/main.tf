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

variable "location" {
  type = string
}

variable "key_vault_name" {
  type = string
}

variable "admin_password" {
  type      = string
  sensitive = true
}

variable "client_secret" {
  type      = string
  sensitive = true
}

variable "api_token" {
  type = string
}

variable "registry_password" {
  type      = string
  sensitive = true
}

variable "token_lifetime" {
  type = string
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-app"
  location = var.location
}
