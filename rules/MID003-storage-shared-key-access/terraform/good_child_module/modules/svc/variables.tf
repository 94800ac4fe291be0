variable "name" {
  type = string
}

variable "resource_group_name" {
  type = string
}

variable "location" {
  type = string
}

variable "shared_access_key_enabled" {
  type    = bool
  default = true
}
