resource "azurerm_user_assigned_identity" "api" {
  name                = "id-api"
  location            = "westeurope"
  resource_group_name = "rg-api"
}

resource "azurerm_user_assigned_identity" "pull" {
  name                = "id-pull"
  location            = "westeurope"
  resource_group_name = "rg-api"
}

resource "azurerm_container_app" "api" {
  name                         = "ca-api"
  container_app_environment_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-api/providers/Microsoft.App/managedEnvironments/cae-api"
  resource_group_name          = "rg-api"
  revision_mode                = "Single"

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.api.id, azurerm_user_assigned_identity.pull.id]
  }

  template {
    container {
      name   = "api"
      image  = "mcr.microsoft.com/k8se/quickstart:latest"
      cpu    = 0.25
      memory = "0.5Gi"

      env {
        name  = "QUEUE_URL"
        value = "https://stapi.queue.core.windows.net"
      }

      env {
        name  = "AZURE_CLIENT_ID"
        value = azurerm_user_assigned_identity.api.client_id
      }
    }
  }
}
