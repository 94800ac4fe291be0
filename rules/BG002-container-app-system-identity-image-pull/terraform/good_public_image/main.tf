resource "azurerm_resource_group" "rg" {
  name     = "rg-hello"
  location = "westeurope"
}

resource "azurerm_container_app_environment" "env" {
  name                = "cae-hello"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
}

# A system identity for other things, and a public image: no pull needs it.
resource "azurerm_container_app" "hello" {
  name                         = "ca-hello"
  container_app_environment_id = azurerm_container_app_environment.env.id
  resource_group_name          = azurerm_resource_group.rg.name
  revision_mode                = "Single"

  identity {
    type = "SystemAssigned"
  }

  template {
    container {
      name   = "hello"
      image  = "mcr.microsoft.com/k8se/quickstart:latest"
      cpu    = 0.25
      memory = "0.5Gi"
    }
  }
}
