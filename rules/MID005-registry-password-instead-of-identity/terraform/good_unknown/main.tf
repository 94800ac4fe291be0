provider "azurerm" {
  features {}
}

variable "use_managed_identity" {
  type = bool
}

variable "registries" {
  type = list(object({ server = string, identity = string }))
}

variable "registry_identity" {
  type = string
}

resource "azurerm_linux_web_app" "app" {
  name                = "app-contoso-unknown"
  location            = "westeurope"
  resource_group_name = "rg-contoso"
  service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-contoso/providers/Microsoft.Web/serverFarms/asp-contoso"

  site_config {
    container_registry_use_managed_identity = var.use_managed_identity
  }

  app_settings = {
    DOCKER_REGISTRY_SERVER_PASSWORD = "@Microsoft.KeyVault(SecretUri=https://kv-contoso.vault.azure.net/secrets/acr-password)"
  }
}

resource "azurerm_container_app" "app" {
  name                         = "ca-contoso-unknown"
  container_app_environment_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-contoso/providers/Microsoft.App/managedEnvironments/cae-contoso"
  resource_group_name          = "rg-contoso"
  revision_mode                = "Single"

  registry {
    server               = "crcontoso.azurecr.io"
    identity             = var.registry_identity
    password_secret_name = "acr-password"
  }

  dynamic "registry" {
    for_each = var.registries
    content {
      server   = registry.value.server
      identity = registry.value.identity
    }
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
