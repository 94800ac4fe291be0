variable "shared_access_key_enabled" {
  type    = bool
  default = true
}
