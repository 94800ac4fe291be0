provider "azurerm" {
  features {}
}

variable "acr_password" {
  type      = string
  sensitive = true
}

locals {
  registries = {
    main = "crcontoso.azurecr.io"
  }
}

# a `dynamic` block over a known, non-empty map makes the credential
resource "azurerm_container_group" "aci" {
  name                = "aci-contoso-dyn"
  location            = "westeurope"
  resource_group_name = "rg-contoso"
  os_type             = "Linux"

  dynamic "image_registry_credential" {
    for_each = local.registries
    content {
      server   = image_registry_credential.value
      username = "crcontoso"
      password = var.acr_password
    }
  }

  container {
    name   = "app"
    image  = "crcontoso.azurecr.io/app:1.0"
    cpu    = "0.5"
    memory = "1.5"
  }
}
