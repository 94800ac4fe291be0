resource "azurerm_automation_account" "ops" {
  count               = 0
  name                = "aa-ops-none"
  location            = "westeurope"
  resource_group_name = "rg-ops"
  sku_name            = "Basic"
}
