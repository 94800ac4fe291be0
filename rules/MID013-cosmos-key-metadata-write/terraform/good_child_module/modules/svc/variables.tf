variable "name" {
  type = string
}

variable "resource_group_name" {
  type = string
}

variable "location" {
  type = string
}

variable "access_key_metadata_writes_enabled" {
  type    = bool
  default = true
}
