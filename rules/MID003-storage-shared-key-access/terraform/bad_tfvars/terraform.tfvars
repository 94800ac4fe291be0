name                      = "stcontosolegacy"
shared_access_key_enabled = true
