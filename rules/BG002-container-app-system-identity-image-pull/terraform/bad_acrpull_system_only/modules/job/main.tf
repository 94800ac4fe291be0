variable "name" {
  type = string
}

variable "environment_id" {
  type = string
}

variable "resource_group" {
  type = string
}

variable "location" {
  type = string
}

variable "registry_id" {
  type = string
}

variable "registry_server" {
  type = string
}

resource "azurerm_container_app_job" "job" {
  name                         = var.name
  location                     = var.location
  resource_group_name          = var.resource_group
  container_app_environment_id = var.environment_id
  replica_timeout_in_seconds   = 1800

  identity {
    type = "SystemAssigned"
  }

  # No identity named: the job pulls as its only identity, the system one.
  registry {
    server = var.registry_server
  }

  schedule_trigger_config {
    cron_expression = "0 2 * * *"
  }

  template {
    container {
      name   = "nightly"
      image  = "${var.registry_server}/nightly:1.0.0"
      cpu    = 0.5
      memory = "1Gi"
    }
  }
}

resource "azurerm_role_assignment" "pull" {
  scope                = var.registry_id
  role_definition_name = "AcrPull"
  principal_id         = azurerm_container_app_job.job.identity[0].principal_id
}
