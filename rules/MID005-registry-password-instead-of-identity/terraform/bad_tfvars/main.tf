provider "azurerm" {
  features {}
}

variable "registry_password" {
  type      = string
  sensitive = true
  default   = null
}

resource "azurerm_container_group" "aci" {
  name                = "aci-contoso-tfvars"
  location            = "westeurope"
  resource_group_name = "rg-contoso"
  os_type             = "Linux"

  image_registry_credential {
    server   = "crcontoso.azurecr.io"
    username = "crcontoso"
    password = var.registry_password
  }

  container {
    name   = "app"
    image  = "crcontoso.azurecr.io/app:1.0"
    cpu    = 1
    memory = 1
  }
}
