name               = "sb-contoso-prod"
local_auth_enabled = false
