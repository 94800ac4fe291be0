# An input its module never reads: nothing derived from it reaches the plan
# output, so `sensitive` would hide nothing.
variable "legacy_client_secret" {
  type    = string
  default = null
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-orders"
  location = "westeurope"
}
