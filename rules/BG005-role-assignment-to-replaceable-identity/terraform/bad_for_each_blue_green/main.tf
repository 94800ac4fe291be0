resource "azurerm_resource_group" "rg" {
  name     = "rg-catalog"
  location = "westeurope"
}

resource "azurerm_service_plan" "plan" {
  name                = "asp-catalog"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  os_type             = "Linux"
  sku_name            = "P1v3"
}

resource "azurerm_storage_account" "catalog" {
  name                      = "stcatalog"
  resource_group_name       = azurerm_resource_group.rg.name
  location                  = azurerm_resource_group.rg.location
  account_tier              = "Standard"
  account_replication_type  = "LRS"
  shared_access_key_enabled = false
}

resource "azurerm_linux_web_app" "catalog" {
  for_each            = toset(["blue", "green"])
  name                = "app-catalog-${each.key}"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_service_plan.plan.location
  service_plan_id     = azurerm_service_plan.plan.id

  identity {
    type = "SystemAssigned"
  }

  site_config {}
}

resource "azurerm_role_assignment" "catalog_blob" {
  for_each             = toset(["blue", "green"])
  scope                = azurerm_storage_account.catalog.id
  role_definition_name = "Storage Blob Data Reader"
  principal_id         = azurerm_linux_web_app.catalog[each.key].identity[0].principal_id
}
