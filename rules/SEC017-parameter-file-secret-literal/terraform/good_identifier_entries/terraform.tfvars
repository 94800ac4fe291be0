# The user names are literal; the passwords are generated ("dynamic") or
# typed in later: the entry's own name says its value is a user name.
dynamic_keyvault_secrets = {
  vm_kv = {
    admin-username = {
      secret_name = "admin-username"
      value       = "adminuser"
    }
    admin-password = {
      secret_name = "admin-password"
      value       = "dynamic"
      config = {
        length = 25
      }
    }
    ghcr_username = {
      secret_name = "image-registry-username"
      value       = "my_username"
    }
    ghcr_password = {
      secret_name = "image-registry-password"
      value       = "replace with GitHub PAT"
    }
  }
}

# `secret_prefix` names the secrets the module writes; it is not one.
azuread_service_principal_passwords = {
  sp1 = {
    password_policy = {
      length         = 250
      expire_in_days = 10
    }
    keyvaults = {
      launchpad = {
        secret_prefix = "sp1-client"
      }
    }
  }
}
