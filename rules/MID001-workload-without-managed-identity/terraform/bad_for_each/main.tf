resource "azurerm_automation_account" "ops" {
  for_each            = toset(["dev", "prod"])
  name                = "aa-ops-${each.key}"
  location            = "westeurope"
  resource_group_name = "rg-ops"
  sku_name            = "Basic"
}
