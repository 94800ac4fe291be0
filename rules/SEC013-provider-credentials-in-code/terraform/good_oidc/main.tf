terraform {
  backend "azurerm" {
    resource_group_name  = "rg-tfstate"
    storage_account_name = "contosotfstate"
    container_name       = "tfstate"
    key                  = "apps.terraform.tfstate"
    use_oidc             = true
    use_azuread_auth     = true
    tenant_id            = "9b3e2d1c-0a4f-4c6e-8b7d-5e1f2a3c4d6b"
    client_id            = "c4d2e6f8-1a3b-4c5d-9e7f-0a2b4c6d8e1f"
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

# GitHub Actions / Azure Pipelines workload identity federation
provider "azurerm" {
  features {}
  use_oidc        = true
  subscription_id = "2f1c7a4e-5b8d-4e0f-9a3c-6d2b1e7f8a90"
  tenant_id       = "9b3e2d1c-0a4f-4c6e-8b7d-5e1f2a3c4d6b"
  client_id       = "c4d2e6f8-1a3b-4c5d-9e7f-0a2b4c6d8e1f"
}

# self-hosted agent with a managed identity
provider "azuread" {
  use_msi   = true
  tenant_id = "9b3e2d1c-0a4f-4c6e-8b7d-5e1f2a3c4d6b"
}

# developer workstation
provider "azapi" {
  use_cli = true
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-apps"
  location = "westeurope"
}
