resource "azurerm_resource_group" "rg" {
  name     = "rg-cart"
  location = "westeurope"
}

resource "azurerm_container_app_environment" "env" {
  name                = "cae-cart"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
}

# A new color is a new app: a new identity, and a first pull without AcrPull.
resource "azurerm_container_app" "cart" {
  for_each                     = toset(["blue", "green"])
  name                         = "ca-cart-${each.key}"
  container_app_environment_id = azurerm_container_app_environment.env.id
  resource_group_name          = azurerm_resource_group.rg.name
  revision_mode                = "Single"

  identity {
    type = "SystemAssigned"
  }

  registry {
    server   = "acrcart.azurecr.io"
    identity = "System"
  }

  template {
    container {
      name   = "cart"
      image  = "acrcart.azurecr.io/cart:${each.key}"
      cpu    = 0.5
      memory = "1Gi"
    }
  }
}
