resource "azurerm_resource_group" "rg" {
  name     = "rg-notes"
  location = "westeurope"
}

resource "azurerm_container_app_environment" "env" {
  name                = "cae-notes"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
}

module "notes" {
  source         = "./modules/app"
  environment_id = azurerm_container_app_environment.env.id
  resource_group = azurerm_resource_group.rg.name
}
