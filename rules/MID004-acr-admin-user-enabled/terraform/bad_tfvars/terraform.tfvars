registry_name = "contosolegacyacr"
admin_enabled = true
