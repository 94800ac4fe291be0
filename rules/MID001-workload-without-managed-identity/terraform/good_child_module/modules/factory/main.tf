variable "name" {
  type = string
}

resource "azurerm_data_factory" "this" {
  name                = var.name
  location            = "westeurope"
  resource_group_name = "rg-data"

  identity {
    type = "SystemAssigned"
  }
}
