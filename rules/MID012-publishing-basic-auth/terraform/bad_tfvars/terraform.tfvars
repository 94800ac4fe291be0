basic_auth_enabled = true
