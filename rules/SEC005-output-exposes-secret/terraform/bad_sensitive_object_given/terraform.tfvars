vm = {
  admin_username = "azureuser"
  admin_password = "Winter2026!"
}
