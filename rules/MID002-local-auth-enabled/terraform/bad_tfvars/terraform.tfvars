name               = "sb-contoso-legacy"
local_auth_enabled = true
