terraform {
  backend "azurerm" {
    storage_account_name = "contosotfstate"
    container_name       = "tfstate"
    key                  = "network.terraform.tfstate"
    sas_token            = "sv=2022-11-02&ss=b&srt=co&sp=rwdlacx&se=2025-12-31T23:59:59Z&st=2024-06-01T00:00:00Z&spr=https&sig=Jf3kQ9wL2mX8pR4tV6yB1nC5dG7hK0sA3eZ9uW2qT4o%3D"
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
  use_oidc = true
}

resource "azurerm_virtual_network" "hub" {
  name                = "vnet-hub"
  resource_group_name = "rg-network"
  location            = "westeurope"
  address_space       = ["10.0.0.0/16"]
}
