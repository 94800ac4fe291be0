provider "azurerm" {
  features {}
}

# CAF's shape: credentials come from settings a caller may or may not give, so
# the dynamic block may make no credential at all
variable "settings" {
  type = any
}

data "azurerm_key_vault_secret" "registry_password" {
  for_each     = try(var.settings.image_registry_credentials, {})
  name         = each.value.password_secret_name
  key_vault_id = each.value.key_vault_id
}

resource "azurerm_container_group" "acg" {
  name                = "aci-contoso-caf"
  location            = "westeurope"
  resource_group_name = "rg-contoso"
  os_type             = "Linux"

  dynamic "image_registry_credential" {
    for_each = try(var.settings.image_registry_credentials, {})
    content {
      server   = image_registry_credential.value.server
      username = image_registry_credential.value.username
      password = try(data.azurerm_key_vault_secret.registry_password[image_registry_credential.key].value, image_registry_credential.value.password)
    }
  }

  container {
    name   = "app"
    image  = "crcontoso.azurecr.io/app:1.0"
    cpu    = "0.5"
    memory = "1.5"
  }
}
