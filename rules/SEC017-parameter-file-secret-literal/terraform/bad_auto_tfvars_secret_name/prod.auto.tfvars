key_vault_name      = "kv-contoso-partner"
ssh_public_key      = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBe3Qm1x0F0CEh8x2b0ZbHk4tXvF2G7uQWm5r8hJ3nQp ops@contoso"
storage_account_key = "y7A4wNlmFFYMfPcIENfW+d7HynKmXBNvWDt+1vNxP9HKFiSZEIRauStYhX/bB4FejWCwUnk18OfE3gt6xODryg=="
partner_api_token   = "ptk_live_8f2c1e9a7b3d4f60"
