resource "azurerm_resource_group" "rg" {
  name     = "rg-jobs"
  location = "westeurope"
}

resource "azurerm_container_registry" "acr" {
  name                = "acrjobs"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  sku                 = "Standard"
}

resource "azurerm_container_app_environment" "env" {
  name                = "cae-jobs"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
}

module "nightly" {
  source          = "./modules/job"
  name            = "caj-nightly"
  environment_id  = azurerm_container_app_environment.env.id
  resource_group  = azurerm_resource_group.rg.name
  location        = azurerm_resource_group.rg.location
  registry_id     = azurerm_container_registry.acr.id
  registry_server = "acrjobs.azurecr.io"
}
