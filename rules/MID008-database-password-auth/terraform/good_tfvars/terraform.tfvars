entra_only = true
