environment   = "prod"
admin_enabled = false
