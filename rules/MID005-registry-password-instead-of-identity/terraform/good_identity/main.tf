provider "azurerm" {
  features {}
}

resource "azurerm_user_assigned_identity" "pull" {
  name                = "id-pull"
  location            = "westeurope"
  resource_group_name = "rg-contoso"
}

resource "azurerm_container_app" "app" {
  name                         = "ca-contoso-mi"
  container_app_environment_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-contoso/providers/Microsoft.App/managedEnvironments/cae-contoso"
  resource_group_name          = "rg-contoso"
  revision_mode                = "Single"

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.pull.id]
  }

  registry {
    server   = "crcontoso.azurecr.io"
    identity = azurerm_user_assigned_identity.pull.id
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

resource "azurerm_container_group" "aci" {
  name                = "aci-contoso-mi"
  location            = "westeurope"
  resource_group_name = "rg-contoso"
  os_type             = "Linux"

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.pull.id]
  }

  image_registry_credential {
    server                    = "crcontoso.azurecr.io"
    user_assigned_identity_id = azurerm_user_assigned_identity.pull.id
  }

  container {
    name   = "app"
    image  = "crcontoso.azurecr.io/app:1.0"
    cpu    = 1
    memory = 1
  }
}

resource "azurerm_linux_web_app" "app" {
  name                = "app-contoso-mi"
  location            = "westeurope"
  resource_group_name = "rg-contoso"
  service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-contoso/providers/Microsoft.Web/serverFarms/asp-contoso"

  identity {
    type = "SystemAssigned"
  }

  site_config {
    container_registry_use_managed_identity = true
  }

  app_settings = {
    DOCKER_REGISTRY_SERVER_URL      = "https://crcontoso.azurecr.io"
    DOCKER_REGISTRY_SERVER_PASSWORD = ""
  }
}
