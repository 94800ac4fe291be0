output "login_server" {
  value = azurerm_container_registry.this.login_server
}
