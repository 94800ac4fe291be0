local_account_disabled = false
