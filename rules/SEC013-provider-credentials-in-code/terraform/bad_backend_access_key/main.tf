terraform {
  required_version = ">= 1.6"

  backend "azurerm" {
    resource_group_name  = "rg-tfstate"
    storage_account_name = "contosotfstate"
    container_name       = "tfstate"
    key                  = "platform.terraform.tfstate"
    access_key           = "y7A4wNlmFFYMfPcIENfW+d7HynKmXBNvWDt+1vNxP9HKFiSZEIRauStYhX/bB4FejWCwUnk18OfE3gt6xODryg=="
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
  use_cli = true
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-platform"
  location = "westeurope"
}
