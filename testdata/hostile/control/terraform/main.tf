resource "azurerm_container_registry" "acr]52;c;aGlqYWNrZWQ=[2Jfake‮gnp.exe" {
  name                = "acrhostile"
  resource_group_name = "rg-hostile"
  location            = "westeurope"
  sku                 = "Basic"
  tags                = { note = "[31mred[0moverwritten‮txt.exe" }
  admin_enabled       = true
}
