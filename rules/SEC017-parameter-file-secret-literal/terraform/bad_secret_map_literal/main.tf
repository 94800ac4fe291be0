variable "dynamic_keyvault_secrets" {
  type    = any
  default = {}
}
