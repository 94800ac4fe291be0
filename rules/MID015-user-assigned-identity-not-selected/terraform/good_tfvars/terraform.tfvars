identity_type = "UserAssigned"
