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
    # A public key is no secret.
    admin-ssh-public-key = {
      secret_name = "ssh-key"
      value       = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQDPqUVKo4y4WenErQoBpLB6WEbY3 generated-by-azure"
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
