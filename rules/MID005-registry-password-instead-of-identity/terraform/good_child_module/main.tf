provider "azurerm" {
  features {}
}

module "app" {
  source = "./modules/app"

  name                     = "ca-contoso-mod"
  registry_identity        = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-contoso/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-pull"
  registry_password_secret = null
}
