provider "azurerm" {
  features {}
}

data "azurerm_eventhub_namespace" "shared" {
  name                = "evhns-shared"
  resource_group_name = "rg-platform"
}

data "azurerm_search_service" "catalog" {
  name                = "srch-catalog"
  resource_group_name = "rg-platform"
}

resource "azurerm_container_app" "api" {
  name                         = "ca-api"
  container_app_environment_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-app/providers/Microsoft.App/managedEnvironments/cae"
  resource_group_name          = "rg-app"
  revision_mode                = "Single"

  identity {
    type = "SystemAssigned"
  }

  secret {
    name  = "events"
    value = data.azurerm_eventhub_namespace.shared.default_primary_connection_string
  }

  template {
    container {
      name   = "api"
      image  = "mcr.microsoft.com/k8se/quickstart:latest"
      cpu    = 0.5
      memory = "1Gi"

      env {
        name  = "SEARCH_KEY"
        value = data.azurerm_search_service.catalog.primary_key
      }
    }
  }
}
