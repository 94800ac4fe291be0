terraform {
  backend "azurerm" {
    storage_account_name = "contosotfstate"
    container_name       = "tfstate"
    key                  = "identity.terraform.tfstate"
    use_azuread_auth     = true
    tenant_id            = "9b3e2d1c-0a4f-4c6e-8b7d-5e1f2a3c4d6b"
    client_id            = "c4d2e6f8-1a3b-4c5d-9e7f-0a2b4c6d8e1f"
    # Entra auth to the state, but with the service principal's secret in the file
    client_secret = "State-Reader-Secret-2024"
  }

  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
  }
}

provider "azurerm" {
  features {}
  use_msi = true
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-identity"
  location = "westeurope"
}
