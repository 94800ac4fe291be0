resource "azurerm_todo" "good" {
  name = "good"
}
