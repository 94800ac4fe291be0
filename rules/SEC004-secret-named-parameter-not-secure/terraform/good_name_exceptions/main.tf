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

# Names that mention keys, secrets or passwords but hold none.
variable "key_vault_name" {
  type = string
}

variable "key_vault_id" {
  type = string
}

variable "secret_name" {
  type = string
}

variable "ssh_public_key" {
  type = string
}

variable "ssh_public_keys" {
  type = list(string)
}

variable "admin_password_length" {
  type    = number
  default = 24
}

variable "password_policy" {
  type    = string
  default = "complex"
}

variable "token_lifetime" {
  type    = string
  default = "1h"
}

variable "secret_expiry" {
  type    = number
  default = 90
}

variable "api_key_enabled" {
  type    = bool
  default = false
}

variable "encryption_key_url" {
  type = string
}

variable "cmk_key_id" {
  type = string
}

variable "key_size" {
  type    = number
  default = 2048
}

variable "client_id" {
  type = string
}

variable "admin_username" {
  type    = string
  default = "azureuser"
}

resource "random_password" "admin" {
  length = var.admin_password_length
}

# locals are not inputs
locals {
  admin_password = random_password.admin.result
  storage_key    = "generated-at-apply"
}
