resource "azurerm_resource_group" "rg" {
  name     = "rg-api"
  location = "westeurope"
}

resource "azurerm_container_registry" "acr" {
  name                = "acrapi"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  sku                 = "Standard"
}

resource "azurerm_container_app_environment" "env" {
  name                = "cae-api"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
}

resource "azurerm_container_app" "api" {
  name                         = "ca-api"
  container_app_environment_id = azurerm_container_app_environment.env.id
  resource_group_name          = azurerm_resource_group.rg.name
  revision_mode                = "Single"

  identity {
    type = "SystemAssigned"
  }

  registry {
    server   = "acrapi.azurecr.io"
    identity = "System"
  }

  template {
    container {
      name   = "api"
      image  = "acrapi.azurecr.io/api:1.0.0"
      cpu    = 0.5
      memory = "1Gi"
    }
  }
}

# Made after the app, whose first revision is already pulling.
resource "azurerm_role_assignment" "api_pull" {
  scope                = azurerm_container_registry.acr.id
  role_definition_name = "AcrPull"
  principal_id         = azurerm_container_app.api.identity[0].principal_id
}
