# Three nested replace() calls: 300^4 bytes (8.1 GB) asked for; past 4 MiB the value is unknown.
locals {
  a = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
  b = replace(replace(replace(local.a, "a", local.a), "a", local.a), "a", local.a)
}

resource "azurerm_container_registry" "control" {
  name          = "control"
  admin_enabled = true
}
resource "azurerm_container_registry" "blown" {
  name          = "blown"
  admin_enabled = length(local.b) > 0
}
