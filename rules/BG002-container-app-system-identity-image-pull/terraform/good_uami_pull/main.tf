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

# Created, and given AcrPull, before the app exists.
resource "azurerm_user_assigned_identity" "pull" {
  name                = "id-api-pull"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
}

resource "azurerm_role_assignment" "pull" {
  scope                = azurerm_container_registry.acr.id
  role_definition_name = "AcrPull"
  principal_id         = azurerm_user_assigned_identity.pull.principal_id
}

resource "azurerm_container_app" "api" {
  name                         = "ca-api"
  container_app_environment_id = azurerm_container_app_environment.env.id
  resource_group_name          = azurerm_resource_group.rg.name
  revision_mode                = "Multiple"

  identity {
    type         = "SystemAssigned, UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.pull.id]
  }

  registry {
    server   = "acrapi.azurecr.io"
    identity = azurerm_user_assigned_identity.pull.id
  }

  template {
    container {
      name   = "api"
      image  = "acrapi.azurecr.io/api:1.0.0"
      cpu    = 0.5
      memory = "1Gi"
    }
  }

  depends_on = [azurerm_role_assignment.pull]
}
