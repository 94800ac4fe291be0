variable "password_auth_enabled" {
  type    = bool
  default = true
}
