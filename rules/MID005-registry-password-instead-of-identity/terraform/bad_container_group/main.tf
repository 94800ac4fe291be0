provider "azurerm" {
  features {}
}

variable "acr_password" {
  type      = string
  sensitive = true
}

resource "azurerm_container_group" "aci" {
  name                = "aci-contoso"
  location            = "westeurope"
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
