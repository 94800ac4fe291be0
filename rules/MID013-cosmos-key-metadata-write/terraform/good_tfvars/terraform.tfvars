name                               = "cosmos-contoso-prod"
access_key_metadata_writes_enabled = false
