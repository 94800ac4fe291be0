name                      = "stcontosoprod"
shared_access_key_enabled = false
