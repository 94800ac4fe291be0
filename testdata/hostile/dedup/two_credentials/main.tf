resource "azurerm_container_group" "migrate" {
  name                = "ci-orders-migrate"
  location            = "westeurope"
  resource_group_name = "rg-orders"
  os_type             = "Linux"

  image_registry_credential {
    server   = "crorders.azurecr.io"
    username = "crorders"
    password = "acr-admin-password-2024"
  }

  image_registry_credential {
    server   = "crmirror.azurecr.io"
    username = "crmirror"
    password = "mirror-admin-password-2025"
  }

  container {
    name   = "migrate"
    image  = "crorders.azurecr.io/orders/migrate:1.4.2"
    cpu    = 1
    memory = 1
  }
}
