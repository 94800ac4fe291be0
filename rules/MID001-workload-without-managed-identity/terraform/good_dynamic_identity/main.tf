variable "identity" {
  type = object({
    type         = string
    identity_ids = list(string)
  })
  default = null
}

resource "azurerm_data_factory" "this" {
  name                = "adf-orders"
  location            = "westeurope"
  resource_group_name = "rg-data"

  dynamic "identity" {
    for_each = var.identity == null ? [] : [var.identity]
    content {
      type         = identity.value.type
      identity_ids = identity.value.identity_ids
    }
  }
}
