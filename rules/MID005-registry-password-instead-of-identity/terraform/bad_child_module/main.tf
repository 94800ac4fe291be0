provider "azurerm" {
  features {}
}

module "app" {
  source = "./modules/app"

  name = "ca-contoso-mod"
}
