variable "environment" {
  type = string
}

variable "admin_enabled" {
  type    = bool
  default = true
}
