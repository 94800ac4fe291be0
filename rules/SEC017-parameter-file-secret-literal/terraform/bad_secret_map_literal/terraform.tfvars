# A map of secrets to seed into Key Vault: one value is written out.
dynamic_keyvault_secrets = {
  vm_kv = {
    admin-password = {
      secret_name = "vm-admin-password"
      value       = "Very@Str5ngP!44w0rd"
    }
  }
}
