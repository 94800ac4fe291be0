# A landing-zone root: secrets are seeded into Key Vault from maps that
# describe them; the values themselves are generated or typed in later.
variable "dynamic_keyvault_secrets" {
  type    = any
  default = {}
}

variable "azuread_service_principal_passwords" {
  type    = any
  default = {}
}

variable "local_admin_password" {
  type      = string
  sensitive = true
}
