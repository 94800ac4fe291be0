entra_only = false
