name                               = "cosmos-contoso-legacy"
access_key_metadata_writes_enabled = true
