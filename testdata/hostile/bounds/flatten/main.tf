# flatten() of 20 references to a list of 90,001 items (1.8 million items) in a resource attribute;
# setproduct() is not evaluated, so it cannot grow.
locals {
  c   = ",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,"
  big = split(",", replace(local.c, ",", local.c))
}

resource "azurerm_container_registry" "control" {
  name          = "control"
  admin_enabled = true
}
resource "azurerm_container_registry" "blown" {
  name          = "blown"
  admin_enabled = length(flatten([local.big, local.big, local.big, local.big, local.big, local.big, local.big, local.big, local.big, local.big, local.big, local.big, local.big, local.big, local.big, local.big, local.big, local.big, local.big, local.big])) > 0 || length(setproduct(local.big, local.big, local.big)) > 0
}
