variable "access_key_metadata_writes_enabled" {
  type    = bool
  default = true
}
