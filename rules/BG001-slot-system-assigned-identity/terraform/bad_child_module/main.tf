resource "azurerm_resource_group" "rg" {
  name     = "rg-forms"
  location = "westeurope"
}

resource "azurerm_service_plan" "plan" {
  name                = "asp-forms"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  os_type             = "Windows"
  sku_name            = "S1"
}

resource "azurerm_windows_web_app" "forms" {
  name                = "app-forms"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_service_plan.plan.location
  service_plan_id     = azurerm_service_plan.plan.id
  site_config {}
}

module "staging" {
  source        = "./modules/slot"
  app_id        = azurerm_windows_web_app.forms.id
  identity_type = "SystemAssigned"
}
