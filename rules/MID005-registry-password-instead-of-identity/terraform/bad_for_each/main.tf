provider "azurerm" {
  features {}
}

variable "acr_password" {
  type      = string
  sensitive = true
}

resource "azurerm_container_group" "aci" {
  for_each            = toset(["westeurope", "northeurope", "swedencentral"])
  name                = "aci-contoso-${each.key}"
  location            = each.key
  resource_group_name = "rg-contoso"
  os_type             = "Linux"

  image_registry_credential {
    server   = "crcontoso.azurecr.io"
    username = "crcontoso"
    password = var.acr_password
  }

  container {
    name   = "app"
    image  = "crcontoso.azurecr.io/app:1.0"
    cpu    = 1
    memory = 1
  }
}
