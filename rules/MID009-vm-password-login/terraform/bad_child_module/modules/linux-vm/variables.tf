variable "name" {
  type = string
}

variable "resource_group_name" {
  type = string
}

variable "location" {
  type = string
}

variable "subnet_id" {
  type = string
}

variable "admin_password" {
  type      = string
  sensitive = true
  default   = null
}

variable "disable_password_authentication" {
  type    = bool
  default = true
}
