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

# The caller's settings decide each secret's expiry; this caller sets none
# for one of them, which the module leaves to its input.
module "keyvault" {
  source = "./modules/keyvault"
  settings = {
    secrets = {
      api = {
        name            = "partner-api-token"
        value           = "@Microsoft.KeyVault(placeholder)"
        expiration_date = "2026-12-31T00:00:00Z"
      }
      db = {
        name  = "db-connection"
        value = "@Microsoft.KeyVault(placeholder)"
      }
    }
  }
}
