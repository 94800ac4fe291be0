variable "local_auth_enabled" {
  type    = bool
  default = true
}
