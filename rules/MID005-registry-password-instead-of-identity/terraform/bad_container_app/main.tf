provider "azurerm" {
  features {}
}

resource "azurerm_container_app" "app" {
  name                         = "ca-contoso"
  container_app_environment_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-contoso/providers/Microsoft.App/managedEnvironments/cae-contoso"
  resource_group_name          = "rg-contoso"
  revision_mode                = "Single"

  secret {
    name  = "acr-password"
    value = var.acr_password
  }

  registry {
    server               = "crcontoso.azurecr.io"
    username             = "crcontoso"
    password_secret_name = "acr-password"
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

resource "azurerm_container_app_job" "job" {
  name                         = "caj-contoso"
  location                     = "westeurope"
  resource_group_name          = "rg-contoso"
  container_app_environment_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-contoso/providers/Microsoft.App/managedEnvironments/cae-contoso"
  replica_timeout_in_seconds   = 600

  manual_trigger_config {
    parallelism              = 1
    replica_completion_count = 1
  }

  secret {
    name                = "acr-password"
    key_vault_secret_id = "https://kv-contoso.vault.azure.net/secrets/acr-password"
    identity            = "System"
  }

  registry {
    server               = "crcontoso.azurecr.io"
    username             = "crcontoso"
    password_secret_name = "acr-password"
  }

  identity {
    type = "SystemAssigned"
  }

  template {
    container {
      name   = "job"
      image  = "crcontoso.azurecr.io/job:1.0"
      cpu    = 0.25
      memory = "0.5Gi"
    }
  }
}

variable "acr_password" {
  type      = string
  sensitive = true
}
