provider "azurerm" {
  features {}
}

data "azurerm_client_config" "current" {}

variable "access_policies" {
  type = list(object({
    object_id          = string
    secret_permissions = list(string)
  }))
  default = []
}

# An RBAC vault whose access_policy blocks come from a list that is empty by
# default: a module's caller may give none, so nothing is proven.
resource "azurerm_key_vault" "shared" {
  name                       = "kv-shared"
  location                   = "westeurope"
  resource_group_name        = "rg-shared"
  tenant_id                  = data.azurerm_client_config.current.tenant_id
  sku_name                   = "standard"
  rbac_authorization_enabled = true

  dynamic "access_policy" {
    for_each = var.access_policies
    content {
      tenant_id          = data.azurerm_client_config.current.tenant_id
      object_id          = access_policy.value.object_id
      secret_permissions = access_policy.value.secret_permissions
    }
  }
}
