registry_password = null
