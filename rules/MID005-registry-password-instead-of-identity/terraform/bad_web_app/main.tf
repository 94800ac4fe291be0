provider "azurerm" {
  features {}
}

resource "azurerm_linux_web_app" "app" {
  name                = "app-contoso"
  location            = "westeurope"
  resource_group_name = "rg-contoso"
  service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-contoso/providers/Microsoft.Web/serverFarms/asp-contoso"

  identity {
    type = "SystemAssigned"
  }

  site_config {
    container_registry_use_managed_identity = false
  }

  app_settings = {
    DOCKER_REGISTRY_SERVER_URL      = "https://crcontoso.azurecr.io"
    DOCKER_REGISTRY_SERVER_USERNAME = "crcontoso"
    DOCKER_REGISTRY_SERVER_PASSWORD = "@Microsoft.KeyVault(SecretUri=https://kv-contoso.vault.azure.net/secrets/acr-password)"
  }
}

resource "azurerm_app_service" "legacy" {
  name                = "app-contoso-legacy"
  location            = "westeurope"
  resource_group_name = "rg-contoso"
  app_service_plan_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-contoso/providers/Microsoft.Web/serverFarms/asp-contoso"

  site_config {
    linux_fx_version = "DOCKER|crcontoso.azurecr.io/app:1.0"
  }

  app_settings = {
    "DOCKER_REGISTRY_SERVER_PASSWORD" = azurerm_container_registry.acr.admin_password
  }
}

resource "azurerm_container_registry" "acr" {
  name                = "crcontoso"
  location            = "westeurope"
  resource_group_name = "rg-contoso"
  sku                 = "Basic"
  admin_enabled       = true
}
