provider "azurerm" {
  features {}
}

variable "ghcr_token" {
  type      = string
  sensitive = true
}

# azurerm's own example: Docker Hub credentials (a managed identity pulls from ACR only)
resource "azurerm_container_group" "hub" {
  name                = "aci-contoso-hub"
  location            = "westeurope"
  resource_group_name = "rg-contoso"
  os_type             = "Linux"

  image_registry_credential {
    server   = "hub.docker.com"
    username = "yourusername1"
    password = "yourpassword"
  }

  container {
    name   = "hw"
    image  = "mcr.microsoft.com/azuredocs/aci-helloworld:latest"
    cpu    = "0.5"
    memory = "1.5"
  }
}

# a GitHub token for ghcr.io
resource "azurerm_container_group" "ghcr" {
  name                = "aci-contoso-ghcr"
  location            = "westeurope"
  resource_group_name = "rg-contoso"
  os_type             = "Linux"

  image_registry_credential {
    server   = "ghcr.io"
    username = "contoso"
    password = var.ghcr_token
  }

  container {
    name   = "app"
    image  = "ghcr.io/contoso/app:1.0"
    cpu    = "0.5"
    memory = "1.5"
  }
}

resource "azurerm_container_app" "ghcr" {
  name                         = "ca-contoso-ghcr"
  container_app_environment_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-contoso/providers/Microsoft.App/managedEnvironments/cae-contoso"
  resource_group_name          = "rg-contoso"
  revision_mode                = "Single"

  secret {
    name  = "ghcr-token"
    value = var.ghcr_token
  }

  registry {
    server               = "ghcr.io"
    username             = "contoso"
    password_secret_name = "ghcr-token"
  }

  template {
    container {
      name   = "app"
      image  = "ghcr.io/contoso/app:1.0"
      cpu    = 0.25
      memory = "0.5Gi"
    }
  }
}
