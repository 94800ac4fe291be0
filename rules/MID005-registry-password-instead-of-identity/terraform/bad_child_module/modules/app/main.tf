variable "name" {
  type = string
}

variable "registry_identity" {
  type    = string
  default = null
}

variable "registry_password_secret" {
  type    = string
  default = "acr-password"
}

resource "azurerm_container_app" "this" {
  name                         = var.name
  container_app_environment_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-contoso/providers/Microsoft.App/managedEnvironments/cae-contoso"
  resource_group_name          = "rg-contoso"
  revision_mode                = "Single"

  registry {
    server               = "crcontoso.azurecr.io"
    identity             = var.registry_identity
    password_secret_name = var.registry_password_secret
  }

  template {
    container {
      name   = "app"
      image  = "crcontoso.azurecr.io/app:1.0"
      cpu    = 0.25
      memory = "0.5Gi"
    }
  }
}
