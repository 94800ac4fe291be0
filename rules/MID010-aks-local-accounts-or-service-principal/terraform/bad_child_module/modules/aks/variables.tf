variable "name" {
  type = string
}

variable "resource_group_name" {
  type = string
}

variable "location" {
  type = string
}

variable "local_account_disabled" {
  type    = bool
  default = true
}
