location = "westeurope"
admin    = 
