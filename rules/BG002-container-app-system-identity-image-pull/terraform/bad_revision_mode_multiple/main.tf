resource "azurerm_resource_group" "rg" {
  name     = "rg-web"
  location = "westeurope"
}

resource "azurerm_container_app_environment" "env" {
  name                = "cae-web"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
}

variable "registry" {
  type    = string
  default = "acrweb.azurecr.io"
}

# Blue-green by revisions: every new revision pulls as the system identity.
resource "azurerm_container_app" "web" {
  name                         = "ca-web"
  container_app_environment_id = azurerm_container_app_environment.env.id
  resource_group_name          = azurerm_resource_group.rg.name
  revision_mode                = "Multiple"

  identity {
    type = "SystemAssigned"
  }

  registry {
    server   = var.registry
    identity = "System"
  }

  ingress {
    external_enabled = true
    target_port      = 8080
    traffic_weight {
      revision_suffix = "blue"
      percentage      = 90
    }
    traffic_weight {
      revision_suffix = "green"
      percentage      = 10
    }
  }

  template {
    revision_suffix = "green"
    container {
      name   = "web"
      image  = "${var.registry}/web:2.0.0"
      cpu    = 0.5
      memory = "1Gi"
    }
  }
}
