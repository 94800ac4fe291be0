resource "azurerm_container_registry" "acr" {
  name                = "acrhostile"
  resource_group_name = "rg-hostile"
  location            = "westeurope"
  sku                 = "Basic"
  tags                = { bus = "Endpoint=sb://fake.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=FAKEsasKeyIdlintTests0123456789FAKEsasKeyId=" }
  admin_enabled       = true
}
