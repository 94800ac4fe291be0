# "dynamic": the module generates the password (CAF convention); "" is typed in by hand.
dynamic_keyvault_secrets = {
  vm_kv = {
    admin-password = {
      secret_name = "vm-admin-password"
      value       = "dynamic"
      config = {
        length           = 25
        special          = true
        override_special = "_!@"
      }
    }
    domain-password = {
      secret_name = "domain-join-password"
      value       = ""
    }
  }
}

# A password policy and a map-key reference (key = "sp1"): no password in it.
azuread_service_principal_passwords = {
  sp1 = {
    azuread_service_principal = {
      key = "sp1"
    }
    password_policy = {
      length         = 250
      special        = false
      expire_in_days = 10
    }
  }
}

# A harness token, replaced before deployment.
local_admin_password = "GEN-PASSWORD"
