{
  "resource": {
    "azurerm_container_registry": {
      "json": { "name": "json", "admin_enabled": true }
    }
  }
}
