identity_type = "SystemAssigned, UserAssigned"
