variable "basic_auth_enabled" {
  type    = bool
  default = false
}
