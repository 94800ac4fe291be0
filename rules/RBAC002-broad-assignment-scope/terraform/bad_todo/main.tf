resource "azurerm_todo" "bad" {
  name = "bad"
}
