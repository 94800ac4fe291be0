# A landing-zone root: Key Vault secrets seeded from maps that describe them.
variable "dynamic_keyvault_secrets" {
  type    = any
  default = {}
}

variable "azuread_service_principal_passwords" {
  type    = any
  default = {}
}
