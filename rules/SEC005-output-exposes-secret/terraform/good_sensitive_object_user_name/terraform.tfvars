vm = {
  admin_username = "azureuser"
  computer_name  = "vm-orders-01"
  admin_password = null
}
