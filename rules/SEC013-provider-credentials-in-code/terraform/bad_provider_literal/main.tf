terraform {
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

locals {
  graph_client_secret = "Fq48Q~uV2nT7yK1cR9wE3sA6dG0hJ5lM8pZ4xB7"
}

provider "azurerm" {
  features {}

  subscription_id = "2f1c7a4e-5b8d-4e0f-9a3c-6d2b1e7f8a90"
  tenant_id       = "9b3e2d1c-0a4f-4c6e-8b7d-5e1f2a3c4d6b"
  client_id       = "c4d2e6f8-1a3b-4c5d-9e7f-0a2b4c6d8e1f"
  client_secret   = "Tz91Q~bH3kW8mN2pL6vC0xF4jD7sG1qR5yE9aU3"
}

# second subscription, certificate authentication
provider "azurerm" {
  alias = "hub"
  features {}

  subscription_id             = "7e5d4c3b-2a19-4f08-8e7d-6c5b4a392817"
  tenant_id                   = "9b3e2d1c-0a4f-4c6e-8b7d-5e1f2a3c4d6b"
  client_id                   = "c4d2e6f8-1a3b-4c5d-9e7f-0a2b4c6d8e1f"
  client_certificate_path     = "${path.module}/certs/terraform-hub.pfx"
  client_certificate_password = "Hub-Cert-Export-2024"
}

provider "azuread" {
  tenant_id     = "9b3e2d1c-0a4f-4c6e-8b7d-5e1f2a3c4d6b"
  client_id     = "0e9d8c7b-6a5f-4e3d-2c1b-0a9f8e7d6c5b"
  client_secret = local.graph_client_secret
}

provider "azapi" {
  tenant_id          = "9b3e2d1c-0a4f-4c6e-8b7d-5e1f2a3c4d6b"
  client_id          = "c4d2e6f8-1a3b-4c5d-9e7f-0a2b4c6d8e1f"
  client_certificate = "MIIKWQIBAzCCChUGCSqGSIb3DQEHAaCCCgYEggoCMIIJ/jCCBgcGCSqGSIb3DQEHAaCCBfgEggX0MIIF8DCCBewGCyqGSIb3DQEMCgECoIIE/jCCBPowHAYKKoZIhvcNAQwBAzAOBAjBq2v7Yp0EtgICB9AEggTYk3"
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-platform"
  location = "westeurope"
}
