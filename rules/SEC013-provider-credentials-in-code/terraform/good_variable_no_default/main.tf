terraform {
  # access key from ARM_ACCESS_KEY in the pipeline environment
  backend "azurerm" {
    resource_group_name  = "rg-tfstate"
    storage_account_name = "contosotfstate"
    container_name       = "tfstate"
    key                  = "data.terraform.tfstate"
  }

  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
    azuread = {
      source  = "hashicorp/azuread"
      version = "~> 2.53"
    }
    azapi = {
      source  = "Azure/azapi"
      version = "~> 2.0"
    }
  }
}

variable "client_id" {
  type = string
}

variable "client_secret" {
  type      = string
  sensitive = true
}

variable "certificate_password" {
  type      = string
  sensitive = true
}

# the secret is supplied at run time (TF_VAR_client_secret): not in the code
provider "azurerm" {
  features {}
  tenant_id     = "9b3e2d1c-0a4f-4c6e-8b7d-5e1f2a3c4d6b"
  client_id     = var.client_id
  client_secret = var.client_secret
}

# the certificate is a file outside the repository, its password an input
provider "azuread" {
  tenant_id                   = "9b3e2d1c-0a4f-4c6e-8b7d-5e1f2a3c4d6b"
  client_id                   = var.client_id
  client_certificate_path     = "/run/secrets/terraform.pfx"
  client_certificate_password = var.certificate_password
}

# an empty string is no credential
provider "azapi" {
  client_secret = ""
  use_cli       = true
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-data"
  location = "westeurope"
}
