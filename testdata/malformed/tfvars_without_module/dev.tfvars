location = "westeurope"
admin    = true
