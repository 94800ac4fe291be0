variable "environment_id" {
  type = string
}

variable "resource_group" {
  type = string
}

resource "azurerm_container_app" "notes" {
  for_each                     = toset(["blue", "green"])
  name                         = "ca-notes-${each.key}"
  container_app_environment_id = var.environment_id
  resource_group_name          = var.resource_group
  revision_mode                = "Single"

  identity {
    type = "SystemAssigned"
  }

  secret {
    name                = "db-password"
    key_vault_secret_id = "https://kv-notes.vault.azure.net/secrets/db-password"
    identity            = "System"
  }

  template {
    container {
      name   = "notes"
      image  = "mcr.microsoft.com/k8se/quickstart:latest"
      cpu    = 0.25
      memory = "0.5Gi"
    }
  }
}
