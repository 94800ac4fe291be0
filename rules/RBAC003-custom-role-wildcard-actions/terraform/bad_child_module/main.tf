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

data "azurerm_subscription" "primary" {}

module "role" {
  source  = "./modules/role"
  name    = "Platform Admin"
  scope   = data.azurerm_subscription.primary.id
  actions = ["*"]
}
